/**
 * The MCP tools' inputs (lib/mcp): what an agent may send each tool, with descriptions written
 * for the model that reads them. They carry the HTTP API's limits, so a tool and its endpoint
 * accept the same requests.
 */
import { z } from "zod";
import { closingUsageOutcomes, designPatternKindSchema, languageSchema } from "./enums";
import { projectReferenceSchema } from "./fields";
import { matchFiltersSchema, matchLimitSchema, matchLimits, minConfidenceSchema } from "./match";

const project = projectReferenceSchema.optional()
  .describe("project slug or id; defaults to the API key's own project (or the one `motif mcp --project` names)");
const patternId = z.uuid("must be a pattern id (uuid)").describe("a pattern id from search_patterns or list_recent_patterns");
const values = <Item extends z.ZodType>(item: Item, description: string) => z.array(item).min(1).max(matchLimits.filterValues).optional().describe(description);

/** search_patterns: the project's patterns that fit an intent, best first, with their occurrences. */
export const searchPatternsToolInput = {
  project,
  intent: z.string().trim().min(1, "is required").max(matchLimits.intentCharacters).describe("what you want to do, in your words"),
  context: z.string().max(matchLimits.contextCharacters).optional().describe("surrounding code or prose; shapes the semantic match"),
  requirements: z.array(z.string().trim().min(1).max(matchLimits.requirementCharacters)).max(matchLimits.requirements).optional().describe("must-haves, e.g. 'async'"),
  filters: matchFiltersSchema.optional().describe("narrow by pattern_types, kinds (e.g. retry_backoff), statuses (default active), tags, languages, min_quality_score, min_success_rate"),
  limit: matchLimitSchema.default(matchLimits.default).describe("how many patterns (1-100)"),
  min_confidence: minConfidenceSchema.optional(),
};

/** get_pattern: one pattern with its code, quality parts, occurrences and relationships. */
export const getPatternToolInput = { pattern_id: patternId };

/** enhance_prompt: the prompt with the best patterns as compact cards under a token budget. */
export const enhancePromptToolInput = {
  project,
  prompt: z.string().trim().min(1, "is required").max(50_000).describe("the prompt to enhance"),
  task: z.string().trim().max(2000).optional().describe("what the prompt is for; matched with it"),
  token_budget: z.number().int().min(50).max(100_000).describe("estimated tokens (characters / 4) the pattern cards may add"),
  limit: z.number().int().min(1).max(20).default(5).describe("most patterns to add"),
  min_quality_score: z.number().min(0).max(1).optional(),
  min_success_rate: z.number().min(0).max(1).optional(),
};

/** report_outcome: how using a pattern went; closes the pending usage enhance_prompt recorded. */
export const reportOutcomeToolInput = {
  pattern_id: patternId,
  usage_id: z.uuid().optional().describe("the usage id enhance_prompt returned for this pattern; omit to record a new use"),
  outcome: z.enum(closingUsageOutcomes).describe("how it went"),
  rating: z.number().int().min(1).max(5).optional().describe("1 (poorly) to 5 (very well)"),
  feedback: z.string().trim().max(5000).optional(),
  task_id: z.string().trim().max(500).optional().describe("your own id for the task"),
};

/** list_recent_patterns: the project's newest or most recently changed patterns. */
export const listRecentPatternsToolInput = {
  project,
  limit: z.number().int().min(1).max(100).default(20),
  kinds: values(designPatternKindSchema, "only these design-pattern kinds"),
  languages: values(languageSchema, "only these languages"),
};

/** A tool's parsed arguments. */
export type ToolArguments<Shape extends z.ZodRawShape> = z.output<z.ZodObject<Shape>>;
