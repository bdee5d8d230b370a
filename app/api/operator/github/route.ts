import { getDatabase } from "@/lib/db";
import { connectRepositoryAsOperator } from "@/lib/github";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { requireOperator } from "@/lib/operator";
import { operatorGitHubConnectSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/github: `motif github connect` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  requireOperator(request);
  const { project, ...connect } = await parseBody(request, operatorGitHubConnectSchema);
  const connection = await connectRepositoryAsOperator({ database: await getDatabase(), slug: project, request: connect });
  return jsonResponse({ connection }, { status: connection.created ? 201 : 200 });
});
