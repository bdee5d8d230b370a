import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { requireCaller } from "@/lib/auth";
import { getDatabase } from "@/lib/db";
import { intentRewriterFor } from "@/lib/intent-rewrite";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { createMcpServer } from "./create-mcp-server";
import { createDatabaseBackend } from "./database-backend";

/**
 * Answers one MCP request over streamable HTTP (`POST /api/mcp`), statelessly: the caller is
 * authenticated first (an API key, or a signed-in user's token; anyone else gets a 401 before
 * MCP is spoken), then a server bound to that caller answers this request's messages as JSON.
 * Every tool runs under RLS as the caller, so a key sees its own project only.
 */
export async function handleMcpRequest(request: Request): Promise<Response> {
  const claims = await requireCaller(request);
  const database = await getDatabase();
  const server = createMcpServer(createDatabaseBackend({ database, claims, embedder: patternEmbeddingProvider(), rewriteIntent: intentRewriterFor(database) }));
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
