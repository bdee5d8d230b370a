import { asService, getDatabase, listProjectsForOperator } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { isOperatorToken } from "@/lib/operator";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/operator/projects: the local CLI's view while `motif serve` owns the data dir.
 * Only the holder of the data dir's operator token (readable only by its owner) gets in.
 */
export async function GET(request: Request): Promise<Response> {
  const environment = getEnvironment();
  const token = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (environment.mode !== "embedded" || !isOperatorToken(environment.dataDir, token)) {
    return Response.json({ error: { code: "unauthorized:auth", message: "operator token required" } }, { status: 401 });
  }
  const database = await getDatabase();
  const projects = await asService(database, (transaction) => listProjectsForOperator({ transaction }));
  return Response.json({ projects });
}
