import { connectRepositoryAsOperator } from "@/lib/github";
import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { operatorDatabase } from "@/lib/operator";
import { operatorGitHubConnectSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/github: `motif github connect` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project, ...connect } = await parseBody(request, operatorGitHubConnectSchema);
  const connection = await connectRepositoryAsOperator({ database, slug: project, request: connect });
  return jsonResponse({ connection }, { status: connection.created ? 201 : 200 });
});
