import { jsonResponse, routeHandler } from "@/lib/http";
import { handleMcpRequest } from "@/lib/mcp";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/mcp: Motif's MCP server over streamable HTTP (stateless; Bearer API key). */
export const POST = routeHandler(handleMcpRequest);

// Stateless: no session to resume or end, and no server-initiated messages to stream.
async function notHere(): Promise<Response> {
  const response = jsonResponse(
    { error: { code: "bad_request:input", message: "this MCP endpoint is stateless: send JSON-RPC messages with POST" } },
    { status: 405 },
  );
  response.headers.set("allow", "POST");
  return response;
}

/** GET /api/mcp: 405 (no server-initiated stream). */
export const GET = notHere;
/** DELETE /api/mcp: 405 (no session). */
export const DELETE = notHere;
