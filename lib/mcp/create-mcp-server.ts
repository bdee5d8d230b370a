import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import {
  enhancePromptToolInput,
  getPatternToolInput,
  listRecentPatternsToolInput,
  reportOutcomeToolInput,
  searchPatternsToolInput,
} from "@/lib/domain";
import type { McpBackend, McpToolName } from "./mcp-backend";

const instructions =
  "Motif knows this team's real code patterns (functions, classes, design patterns) with where they are used, " +
  "their quality and how often they worked. Before writing code, search_patterns for the intent (or enhance_prompt " +
  "to get the best patterns as cards within a token budget); after using one, report_outcome so the next match ranks better.";

const descriptions: Record<McpToolName, string> = {
  search_patterns: "Find the project's patterns that fit an intent, best first, with their occurrences (file, lines, qualified name). Each result is marked strong or weak; when none is strong the summary says no strong match: treat those as leads, not answers. Same answer as POST /api/v1/patterns/match.",
  get_pattern: "One pattern with its code, quality parts, occurrences and relationships.",
  enhance_prompt: "Add the project's best patterns for a prompt as compact cards, within a token budget. Records a pending usage per pattern: report_outcome with its usage_id afterwards.",
  report_outcome: "Report how using a pattern went (successful, failed, partial); with usage_id it closes the usage enhance_prompt recorded.",
  list_recent_patterns: "The project's most recently changed patterns, without code.",
};

const inputs = {
  search_patterns: searchPatternsToolInput,
  get_pattern: getPatternToolInput,
  enhance_prompt: enhancePromptToolInput,
  report_outcome: reportOutcomeToolInput,
  list_recent_patterns: listRecentPatternsToolInput,
} as const;

const readOnly = new Set<McpToolName>(["search_patterns", "get_pattern", "list_recent_patterns"]);

/**
 * Motif's MCP server: the five pattern tools and a `motif://patterns/{pattern_id}` card
 * resource, answered by `backend`. One definition for both transports (stdio, HTTP).
 */
export function createMcpServer(backend: McpBackend): McpServer {
  const server = new McpServer({ name: "motif", version: "0.1.0" }, { instructions });
  for (const name of Object.keys(inputs) as McpToolName[]) {
    server.registerTool(
      name,
      { description: descriptions[name], inputSchema: inputs[name], annotations: { readOnlyHint: readOnly.has(name), openWorldHint: false } },
      (args: Record<string, unknown>) => backend.callTool(name, args),
    );
  }
  server.registerResource(
    "pattern-card",
    new ResourceTemplate("motif://patterns/{pattern_id}", { list: () => backend.listPatternCards() }),
    { description: "A pattern as a Markdown card: what it does, where it is used, how well it worked, its code", mimeType: "text/markdown" },
    (uri) => backend.readPatternCard(uri.href),
  );
  return server;
}
