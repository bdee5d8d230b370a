import type { Database } from "@/lib/db";
import type { MatchRequest, MatchResponse } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { inOperatorProject } from "@/lib/operator";
import { matchPatterns } from "./match-patterns";

/** `motif search` as the local operator: a match in the project with this slug (service_role). */
export async function matchAsOperator({
  database,
  slug,
  request,
  embedder,
}: {
  database: Database;
  slug: string;
  request: MatchRequest;
  embedder: EmbeddingProvider;
}): Promise<MatchResponse> {
  return inOperatorProject({ database, slug }, (transaction, project) => matchPatterns({ transaction, projectId: project.id, request, embedder }));
}
