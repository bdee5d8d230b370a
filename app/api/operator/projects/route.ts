import { jsonResponse, routeHandler } from "@/lib/http";
import { listProjectsAsOperator, operatorDatabase } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/operator/projects: the local CLI's view while `motif serve` owns the data dir.
 * Only the holder of the data dir's operator token (readable only by its owner) gets in.
 */
export const GET = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const projects = await listProjectsAsOperator(database);
  return jsonResponse({ projects });
});
