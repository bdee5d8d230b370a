import type { Command } from "commander";
import { z } from "zod";
import { designPatternKindSchema, languageSchema, matchLimits, matchLimitSchema, minConfidenceSchema, type MatchedPattern, type MatchResponse } from "@/lib/domain";
import { parseOptions } from "../parse-options";

const searchOptionsSchema = z.object({
  project: z.string().min(1),
  limit: z.coerce.number().pipe(matchLimitSchema).default(matchLimits.default),
  json: z.boolean().default(false),
  explain: z.boolean().default(false),
  kind: z.array(designPatternKindSchema).optional(),
  language: z.array(languageSchema).optional(),
  minConfidence: z.coerce.number().pipe(minConfidenceSchema).optional(),
});

const listPlace = (rank: number | null) => (rank === null ? "not in the list" : `#${rank}`);

/** The parts of a result's rank, in the order match_patterns combines them (docs/search-quality.md). */
function explainRanking(match: MatchedPattern): string[] {
  const ranking = match.metadata.ranking;
  const spread = ranking.similarity_z === null ? "" : `, ${ranking.similarity_z.toFixed(1)} σ above the other candidates`;
  return [
    `   why: similarity ${ranking.vector_similarity.toFixed(2)} (vector list ${listPlace(ranking.vector_rank)}${spread}); text list ${listPlace(ranking.text_rank)}, ${ranking.words_found} of the intent's ${ranking.intent_words} words in it`,
    `        relevance ${ranking.relevance.toFixed(2)} × (0.8 + 0.1 × quality ${ranking.quality.toFixed(2)} + 0.1 × outcomes ${ranking.smoothed_success_rate.toFixed(2)})` +
      ` × (1 + 0.15 × ${ranking.words_found}/${Math.max(1, ranking.intent_words)} words) = score ${ranking.final_score.toFixed(3)}`,
    ...rerankLine(ranking),
    `        ${match.strength}: ${match.strength_reason}`,
  ];
}

/** The re-rank that placed the result (lib/search rerankMatches): its score and its parts, largest first. */
function rerankLine(ranking: MatchedPattern["metadata"]["ranking"]): string[] {
  if (ranking.rerank_parts === null || ranking.rerank_score === null) return [`        not re-ranked: SQL order #${ranking.sql_position}`];
  const parts = Object.entries(ranking.rerank_parts).filter(([, value]) => Math.abs(value) >= 0.005)
    .sort(([, left], [, right]) => Math.abs(right) - Math.abs(left))
    .map(([name, value]) => `${name.replaceAll("_", " ")} ${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}`);
  return [`        re-ranked from SQL #${ranking.sql_position}: ${parts.join(", ")} = ${ranking.rerank_score.toFixed(2)}`];
}

function formatMatch(match: MatchedPattern, index: number, explain: boolean): string {
  const { metadata } = match;
  const facts = [match.kind ?? match.pattern_type, match.strength, `similarity ${match.confidence_score.toFixed(2)}`];
  if (metadata.quality_score !== null) facts.push(`quality ${metadata.quality_score.toFixed(2)}`);
  const lines = [`${index + 1}. ${match.name} (${facts.join(", ")})`];
  if (explain) lines.push(...explainRanking(match));
  for (const occurrence of match.occurrences) {
    lines.push(`   ${occurrence.file_path}:${occurrence.start_line}-${occurrence.end_line}${occurrence.qualname ? `  ${occurrence.qualname}` : ""}`);
  }
  if (metadata.occurrence_count > match.occurrences.length) lines.push(`   … ${metadata.occurrence_count - match.occurrences.length} more`);
  for (const advice of match.recommendations) lines.push(`   - ${advice}`);
  return lines.join("\n");
}

function printMatches(intent: string, answer: MatchResponse, explain: boolean): void {
  if (answer.matched_patterns.length === 0) {
    process.stdout.write(`No pattern matches "${intent}".\n`);
    return;
  }
  const rewrite = answer.query_metadata.rewrite;
  if (rewrite) process.stdout.write(rewrite.used ? `Searched as: ${intent} + "${rewrite.text}" (${rewrite.cached ? "cached" : `${rewrite.provider}:${rewrite.model}, $${rewrite.cost_usd}`})\n\n` : `Searched as written (rewrite not used: ${rewrite.reason})\n\n`);
  if (answer.strong_matches === 0) process.stdout.write(`No strong match for "${intent}": the closest patterns follow, none stands out as an answer.\n\n`);
  process.stdout.write(`${answer.matched_patterns.map((match, index) => formatMatch(match, index, explain)).join("\n\n")}\n`);
  process.stdout.write(`\n${answer.matched_patterns.length} of ${answer.total_matches} matches (${answer.summary}) in ${answer.query_metadata.query_time_ms} ms\n`);
}

async function runSearch(intent: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(searchOptionsSchema, rawOptions);
  const filters = { ...(options.kind ? { kinds: options.kind } : {}), ...(options.language ? { languages: options.language } : {}) };
  const request = { intent, limit: options.limit, filters, min_confidence: options.minConfidence };
  // Loaded on use, so that `motif --help` and other commands start fast.
  const [{ createEmbeddingProvider }, { matchAsOperator }, { createIntentRewriter }, { withDatabaseAccess }] = await Promise.all([
    import("@/lib/embed"),
    import("@/lib/search"),
    import("@/lib/intent-rewrite"),
    import("../database-access"),
  ]);
  const answer = await withDatabaseAccess<MatchResponse>({
    direct: (database) =>
      matchAsOperator({ database, slug: options.project, request, embedder: createEmbeddingProvider(), rewriteIntent: createIntentRewriter(database) }),
    viaServer: async (fetchOwner) => {
      const body = JSON.stringify({ project: options.project, ...request, filters: Object.keys(filters).length > 0 ? filters : undefined });
      return (await (await fetchOwner("/api/operator/match", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as MatchResponse;
    },
  });
  if (options.json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  else printMatches(intent, answer, options.explain);
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
    .option("--explain", "show the parts of each result's rank and why it is strong or weak")
    .option("--json", "print the match API's JSON")
    .action(runSearch);
}
