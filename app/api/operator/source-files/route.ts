import { jsonResponse, parseQuery, routeHandler } from "@/lib/http";
import { storedSourceFilesAsOperator } from "@/lib/ingest";
import { operatorDatabase } from "@/lib/operator";
import { operatorSourceFilesQuerySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/operator/source-files: the files the last ingest stored, for `motif ingest` while `motif serve` owns the data dir. */
export const GET = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const query = parseQuery(request, operatorSourceFilesQuerySchema);
  const files = await storedSourceFilesAsOperator({ database, slug: query.project, repository: query.repository });
  return jsonResponse({ files });
});
