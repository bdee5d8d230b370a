/**
 * lib/mcp: Motif's MCP server (Model Context Protocol, the official TypeScript SDK) for coding
 * agents: five pattern tools and pattern-card resources, over stdio (`motif mcp`) and
 * streamable HTTP (`POST /api/mcp`).
 */
export { createMcpServer } from "./create-mcp-server";
export { createDatabaseBackend, type DatabaseBackendOptions } from "./database-backend";
export { handleMcpRequest } from "./handle-mcp-request";
export { createRemoteBackend, type RemoteBackendOptions } from "./remote-backend";
export { createLocalMcpKey, readLocalMcpKey, writeLocalMcpKey, localMcpKeyName } from "./local-api-key";
export { mcpToolNames, patternCardUri, type McpBackend, type McpToolName } from "./mcp-backend";
export { patternCardMarkdown } from "./pattern-card-markdown";
