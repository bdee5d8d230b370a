import { asService, getOperatorProjectBySlug, type Database } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { matchPatterns } from "./match-patterns";
import type { MatchRequest, MatchResponse } from "@/lib/domain";

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
  return asService(database, async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug });
    if (!project) throw new MotifError("not_found:resource", `project "${slug}" not found (motif ingest <path> --project ${slug} creates it)`);
    return matchPatterns({ transaction, projectId: project.id, request, embedder });
  });
}
