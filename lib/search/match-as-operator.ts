import type { Database } from "@/lib/db";
import type { IntentRewriteReport, MatchRequest, MatchResponse } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { inOperatorProject, requireOperatorProject } from "@/lib/operator";
import { matchPatterns } from "./match-patterns";

/** Restates an intent for one project before the match (lib/intent-rewrite's IntentRewriter). */
export type RewriteIntentFor = (intent: string, project: { id: string; slug: string }) => Promise<IntentRewriteReport>;

/**
 * `motif search` as the local operator: a match in the project with this slug (service_role).
 * With `rewriteIntent`, the intent is rewritten first, outside the match's transaction (an LLM
 * call must not hold the database).
 */
export async function matchAsOperator({
  database,
  slug,
  request,
  embedder,
  rewriteIntent,
}: {
  database: Database;
  slug: string;
  request: MatchRequest;
  embedder: EmbeddingProvider;
  rewriteIntent?: RewriteIntentFor | null;
}): Promise<MatchResponse> {
  const rewrite = rewriteIntent ? await rewriteIntent(request.intent, await requireOperatorProject({ database, slug })) : undefined;
  return inOperatorProject({ database, slug }, (transaction, project) => matchPatterns({ transaction, projectId: project.id, request, embedder, rewrite }));
}
