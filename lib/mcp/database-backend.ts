import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import {
  enhancePromptToolInput,
  getPatternToolInput,
  listRecentPatternsToolInput,
  reportOutcomeToolInput,
  searchPatternsToolInput,
  type IntentRewriteReport,
  type ToolArguments,
} from "@/lib/domain";
import { withUser, type Database, type JwtClaims, type Queryable } from "@/lib/db";
import type { EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { closePatternUsage, recordPatternUsage } from "@/lib/feedback";
import { getPatternDetails, listPatternPage } from "@/lib/patterns";
import { resolveProject } from "@/lib/projects";
import { enhancePrompt } from "@/lib/prompts";
import { matchPatterns, type RewriteIntentFor } from "@/lib/search";
import { patternCardUri, type McpBackend, type McpToolName } from "./mcp-backend";
import { patternCardMarkdown } from "./pattern-card-markdown";

/** Who calls and with what: the tools run in one transaction each, as `claims`, so RLS decides. */
export interface DatabaseBackendOptions {
  database: Database;
  claims: JwtClaims;
  embedder: EmbeddingProvider;
  /** Intent rewriting for search_patterns (lib/intent-rewrite, MOTIF_SEARCH_REWRITE=llm), run before its transaction. */
  rewriteIntent?: RewriteIntentFor | null;
}

type Tool = (transaction: Queryable, args: Record<string, unknown>, rewrite?: IntentRewriteReport) => Promise<unknown>;

function tools(options: DatabaseBackendOptions): Record<McpToolName, Tool> {
  const { claims, embedder } = options;
  const cast = <Shape extends z.ZodRawShape>(_shape: Shape, args: Record<string, unknown>) => args as ToolArguments<Shape>;
  return {
    // The same call as POST /api/v1/patterns/match, so both answer the same patterns.
    search_patterns: async (transaction, args, rewrite) => {
      const { project: reference, ...request } = cast(searchPatternsToolInput, args);
      const project = await resolveProject({ transaction, claims, reference });
      return matchPatterns({ transaction, projectId: project.id, request, embedder, rewrite });
    },
    get_pattern: async (transaction, args) => ({ pattern: await getPatternDetails({ transaction, patternId: cast(getPatternToolInput, args).pattern_id }) }),
    enhance_prompt: (transaction, args) => enhancePrompt({ transaction, claims, request: cast(enhancePromptToolInput, args), embedder }),
    report_outcome: async (transaction, args) => {
      const { pattern_id: patternId, usage_id: usageId, task_id, ...closing } = cast(reportOutcomeToolInput, args);
      if (usageId) return closePatternUsage({ transaction, patternId, usageId, closing });
      return recordPatternUsage({ transaction, patternId, report: { ...closing, task_id, context: { via: "mcp" } } });
    },
    list_recent_patterns: async (transaction, args) => {
      const { project, limit, kinds, languages } = cast(listRecentPatternsToolInput, args);
      const resolved = await resolveProject({ transaction, claims, reference: project });
      return listPatternPage({ transaction, claims, request: { project: resolved.id, limit, kinds, languages, sort: "updated_at", direction: "desc" } });
    },
  };
}

/** A tool's answer: its JSON as text, or, for a refusal, the error's code and message. */
function toolResult(run: () => Promise<unknown>): Promise<CallToolResult> {
  return run().then(
    (value) => ({ content: [{ type: "text", text: JSON.stringify(value) }] }),
    (error: unknown) => {
      if (!(error instanceof MotifError)) throw error;
      return { isError: true, content: [{ type: "text", text: `${error.code}: ${error.message}` }] };
    },
  );
}

const cardUriPattern = /^motif:\/\/patterns\/([0-9a-f-]{36})$/i;

/**
 * The MCP backend over the database: every tool call and resource read is one transaction as
 * the caller (an API key: its project and role; RLS decides what exists), exactly as the HTTP
 * API runs the same operation.
 */
export function createDatabaseBackend(options: DatabaseBackendOptions): McpBackend {
  const run = <T>(fn: (transaction: Queryable) => Promise<T>) => withUser(options.database, options.claims, fn);
  const handlers = tools(options);
  // An LLM call must not hold the database: the intent is rewritten between two transactions.
  const rewriteFor = async (name: McpToolName, args: Record<string, unknown>): Promise<IntentRewriteReport | undefined> => {
    const { intent, project: reference } = args as { intent?: unknown; project?: string };
    if (name !== "search_patterns" || !options.rewriteIntent || typeof intent !== "string") return undefined;
    return options.rewriteIntent(intent, await run((transaction) => resolveProject({ transaction, claims: options.claims, reference })));
  };
  return {
    callTool: (name, args) => toolResult(async () => {
      const rewrite = await rewriteFor(name, args);
      return run((transaction) => handlers[name](transaction, args, rewrite));
    }),
    listPatternCards: () => run(async (transaction) => {
      const project = await resolveProject({ transaction, claims: options.claims });
      const page = await listPatternPage({ transaction, claims: options.claims, request: { project: project.id, limit: 50, sort: "updated_at", direction: "desc" } });
      return {
        resources: page.patterns.map((pattern) => ({
          uri: patternCardUri(pattern.id), name: pattern.name, mimeType: "text/markdown",
          description: [pattern.kind ?? pattern.pattern_type, pattern.language].filter(Boolean).join(", "),
        })),
      };
    }),
    readPatternCard: (uri) => run(async (transaction) => {
      const id = cardUriPattern.exec(uri)?.[1];
      if (!id) throw new MotifError("bad_request:input", `${uri} is not a pattern card (motif://patterns/<pattern id>)`);
      const pattern = await getPatternDetails({ transaction, patternId: id });
      return { contents: [{ uri, mimeType: "text/markdown", text: patternCardMarkdown(pattern) }] };
    }),
  };
}
