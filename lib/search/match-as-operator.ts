import { asService, getOperatorProjectBySlug, type Database, type Queryable } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { matchPatterns } from "./match-patterns";
import type { IntentRewriteReport, MatchRequest, MatchResponse } from "@/lib/domain";

/** Restates an intent for one project before the match (lib/intent-rewrite's IntentRewriter). */
export type RewriteIntentFor = (intent: string, project: { id: string; slug: string }) => Promise<IntentRewriteReport>;

async function operatorProject(transaction: Queryable, slug: string) {
  const project = await getOperatorProjectBySlug({ transaction, slug });
  if (!project) throw new MotifError("not_found:resource", `project "${slug}" not found (motif ingest <path> --project ${slug} creates it)`);
  return project;
}

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
  const rewrite = rewriteIntent
    ? await rewriteIntent(request.intent, await asService(database, (transaction) => operatorProject(transaction, slug)))
    : undefined;
  return asService(database, async (transaction) => {
    const project = await operatorProject(transaction, slug);
    return matchPatterns({ transaction, projectId: project.id, request, embedder, rewrite });
  });
}
