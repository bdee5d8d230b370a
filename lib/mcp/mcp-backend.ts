import type { CallToolResult, ListResourcesResult, ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";

/** The tools Motif's MCP server offers, by name. */
export const mcpToolNames = ["search_patterns", "get_pattern", "enhance_prompt", "report_outcome", "list_recent_patterns"] as const;

/** One of {@link mcpToolNames}. */
export type McpToolName = (typeof mcpToolNames)[number];

/**
 * What answers the MCP server's requests: the database under the caller's RLS (HTTP, and stdio
 * while no server runs), or a running Motif's `/api/mcp` (stdio while `motif serve` owns the
 * data). Arguments arrive validated against the tool's input schema.
 */
export interface McpBackend {
  callTool(name: McpToolName, args: Record<string, unknown>): Promise<CallToolResult>;
  listPatternCards(): Promise<ListResourcesResult>;
  readPatternCard(uri: string): Promise<ReadResourceResult>;
}

/** The URI of a pattern's card resource. */
export function patternCardUri(patternId: string): string {
  return `motif://patterns/${patternId}`;
}
