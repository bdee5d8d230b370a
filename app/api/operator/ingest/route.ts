import { jsonResponse, ndjsonResponse, parseBody, routeHandler } from "@/lib/http";
import { getEnvironment } from "@/lib/env";
import { ingestAsOperator, ingestMemoryFolder, type IngestSource } from "@/lib/ingest";
import { operatorDatabase } from "@/lib/operator";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { operatorIngestSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/operator/ingest: `motif ingest` while `motif serve` owns the data dir (operator
 * token only). With `accept: application/x-ndjson` it streams the ingest's progress, then its
 * summary, one JSON line each (the CLI's progress bar).
 */
export const POST = routeHandler(async (request) => {
  // A whole repository's extraction, from the operator only (checked first, before reading it).
  const database = await operatorDatabase(request);
  const body = await parseBody(request, operatorIngestSchema, { maxBytes: 512 * 1024 * 1024 });
  const ingest = (onProgress?: (progress: unknown) => void) => ingestAsOperator({
    database,
    slug: body.project,
    result: body.result as IngestSource,
    repository: body.repository,
    scope: body.scope,
    commitSha: body.commit_sha,
    sourceFiles: body.source_files,
    embedder: patternEmbeddingProvider(),
    onProgress,
    rememberRepository: true,
    memoryFolder: ingestMemoryFolder(getEnvironment()),
    onMemoryNotKept: (error) => process.stderr.write(`motif: the repository's memory was not kept (${error.message})\n`),
    onMemoryBuilt: (outcome, ms) => {
      if (outcome) process.stderr.write(`motif: memory of repository "${body.repository}" built (${outcome.files} files, ${outcome.patterns} patterns) in ${(ms / 1000).toFixed(2)} s\n`);
    },
  });
  if (request.headers.get("accept")?.includes("application/x-ndjson")) return ndjsonResponse((report) => ingest(report));
  return jsonResponse(await ingest());
});
