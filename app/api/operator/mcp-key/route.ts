import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { createLocalMcpKey } from "@/lib/mcp";
import { operatorDatabase } from "@/lib/operator";
import { mcpKeySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/mcp-key: the member key `motif mcp` acts with, made while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project } = await parseBody(request, mcpKeySchema);
  const key = await createLocalMcpKey({ database, slug: project });
  return jsonResponse({ key }, { status: 201 });
});
