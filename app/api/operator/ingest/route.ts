import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { ingestAsOperator, type IngestSource } from "@/lib/ingest";
import { operatorDatabase } from "@/lib/operator";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { operatorIngestSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/ingest: `motif ingest` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const body = await parseBody(request, operatorIngestSchema);
  const summary = await ingestAsOperator({
    database,
    slug: body.project,
    result: body.result as IngestSource,
    repository: body.repository,
    scope: body.scope,
    commitSha: body.commit_sha,
    sourceFiles: body.source_files,
    embedder: patternEmbeddingProvider(),
  });
  return jsonResponse(summary);
});
