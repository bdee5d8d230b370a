import type { Command } from "commander";
import { z } from "zod";
import { designPatternKindSchema, languageSchema, matchLimits, matchLimitSchema, minConfidenceSchema, type MatchedPattern, type MatchResponse } from "@/lib/domain";
import { parseOptions } from "../parse-options";

const searchOptionsSchema = z.object({
  project: z.string().min(1),
  limit: z.coerce.number().pipe(matchLimitSchema).default(matchLimits.default),
  json: z.boolean().default(false),
  kind: z.array(designPatternKindSchema).optional(),
  language: z.array(languageSchema).optional(),
  minConfidence: z.coerce.number().pipe(minConfidenceSchema).optional(),
});

function formatMatch(match: MatchedPattern, index: number): string {
  const { metadata } = match;
  const facts = [match.kind ?? match.pattern_type, `confidence ${match.confidence_score.toFixed(2)}`];
  if (metadata.quality_score !== null) facts.push(`quality ${metadata.quality_score.toFixed(2)}`);
  const lines = [`${index + 1}. ${match.name} (${facts.join(", ")})`];
  for (const occurrence of match.occurrences) {
    lines.push(`   ${occurrence.file_path}:${occurrence.start_line}-${occurrence.end_line}${occurrence.qualname ? `  ${occurrence.qualname}` : ""}`);
  }
  if (metadata.occurrence_count > match.occurrences.length) lines.push(`   … ${metadata.occurrence_count - match.occurrences.length} more`);
  for (const advice of match.recommendations) lines.push(`   - ${advice}`);
  return lines.join("\n");
}

function printMatches(intent: string, answer: MatchResponse): void {
  if (answer.matched_patterns.length === 0) {
    process.stdout.write(`No pattern matches "${intent}".\n`);
    return;
  }
  process.stdout.write(`${answer.matched_patterns.map(formatMatch).join("\n\n")}\n`);
  process.stdout.write(`\n${answer.matched_patterns.length} of ${answer.total_matches} matches in ${answer.query_metadata.query_time_ms} ms\n`);
}

async function runSearch(intent: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(searchOptionsSchema, rawOptions);
  const filters = { ...(options.kind ? { kinds: options.kind } : {}), ...(options.language ? { languages: options.language } : {}) };
  const request = { intent, limit: options.limit, filters, min_confidence: options.minConfidence };
  // Loaded on use, so that `motif --help` and other commands start fast.
  const [{ createEmbeddingProvider }, { matchAsOperator }, { withDatabaseAccess }] = await Promise.all([
    import("@/lib/embed"),
    import("@/lib/search"),
    import("../database-access"),
  ]);
  const answer = await withDatabaseAccess<MatchResponse>({
    direct: (database) => matchAsOperator({ database, slug: options.project, request, embedder: createEmbeddingProvider() }),
    viaServer: async (fetchOwner) => {
      const body = JSON.stringify({ project: options.project, ...request, filters: Object.keys(filters).length > 0 ? filters : undefined });
      return (await (await fetchOwner("/api/operator/match", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as MatchResponse;
    },
  });
  if (options.json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  else printMatches(intent, answer);
}

/** `motif search "<intent>" --project <slug>`: the project's patterns that fit an intent. */
export function registerSearchCommand(program: Command): void {
  program
    .command("search")
    .description("Find the patterns of a project that fit an intent, best first, with where they are in the code")
    .argument("<intent>", "what you want to do, in your words")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("-n, --limit <n>", `how many patterns (1-${matchLimits.max})`, String(matchLimits.default))
    .option("--kind <kind...>", "only these design-pattern kinds")
    .option("--language <language...>", "only these languages")
    .option("--min-confidence <x>", "least similarity to the intent (0-1)")
    .option("--json", "print the match API's JSON")
    .action(runSearch);
}
