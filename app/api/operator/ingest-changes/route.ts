import { ingestChangesLimits, operatorIngestChangesSchema } from "@/lib/domain";
import { jsonResponse, ndjsonResponse, parseBody, routeHandler } from "@/lib/http";
import { getEnvironment } from "@/lib/env";
import { decodeChangedFiles, ingestChangesAsOperator, ingestMemoryFolder } from "@/lib/ingest";
import { operatorDatabase } from "@/lib/operator";
import { patternEmbeddingProvider } from "@/lib/patterns";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/operator/ingest-changes: `motif ingest` while `motif serve` owns the data dir
 * (operator token only), sending only the files that changed; this process extracts them and
 * clusters with its memory of the repository. With `accept: application/x-ndjson` it streams
 * the progress, then the summary, one JSON line each (the CLI's progress bar).
 */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const body = await parseBody(request, operatorIngestChangesSchema, { maxBytes: ingestChangesLimits.bodyBytes });
  // Checked before the answer starts streaming: bad input is a 400, not an error line after a 200.
  const received = decodeChangedFiles(body);
  const ingest = (onProgress?: (progress: unknown) => void) => ingestChangesAsOperator({
    database, request: body, received, embedder: patternEmbeddingProvider(), onProgress, memoryFolder: ingestMemoryFolder(getEnvironment()),
    onMemoryNotKept: (error) => process.stderr.write(`motif: the repository's ingest memory was not kept (${error.message})\n`),
  });
  if (request.headers.get("accept")?.includes("application/x-ndjson")) return ndjsonResponse((report) => ingest(report));
  return jsonResponse(await ingest());
});
