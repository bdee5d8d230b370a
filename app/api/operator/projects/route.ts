import { asService, getDatabase, listProjectsForOperator } from "@/lib/db";
import { jsonResponse, routeHandler } from "@/lib/http";
import { requireOperator } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/operator/projects: the local CLI's view while `motif serve` owns the data dir.
 * Only the holder of the data dir's operator token (readable only by its owner) gets in.
 */
export const GET = routeHandler(async (request) => {
  requireOperator(request);
  const database = await getDatabase();
  const projects = await asService(database, (transaction) => listProjectsForOperator({ transaction }));
  return jsonResponse({ projects });
});
