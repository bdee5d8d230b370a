import { routeHandler } from "@/lib/http";
import { backupAsOperator, operatorDatabase } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/operator/backup: `motif db backup` while `motif serve` owns the data dir (operator
 * token only). Answers the gzipped data dir, consistent as of one moment between statements.
 */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const archive = await backupAsOperator(database);
  return new Response(archive, { status: 200, headers: { "content-type": "application/gzip", "content-length": String(archive.size) } });
});
