import { extractorVersion } from "@/lib/extract";
import { jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { storedSourceFilesAsOperator } from "@/lib/ingest";
import { operatorDatabase } from "@/lib/operator";
import { operatorSourceFilesQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/operator/source-files: the files the last ingest stored, for `motif ingest` while
 * `motif serve` owns the data dir, and the extractor version this server extracts with (a
 * stored file of another version is extracted again).
 */
export const GET = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const query = parseQuery(request, operatorSourceFilesQuerySchema);
  const files = await storedSourceFilesAsOperator({ database, slug: query.project, repository: query.repository, withExtractions: query.extractions });
  return jsonResponse({ files, extractor_version: extractorVersion });
});
