/**
 * What `motif describe` costs per 1,000 patterns on real code: extracts the folders given (as
 * `motif extract` does), builds each pattern's describe task exactly as the router would receive
 * it, and prices the prompts with the repository's price table. Output tokens are not known
 * before a model answers: the figure is given at the typical size of a valid answer (its JSON
 * schema filled with a two-sentence description, ~120 tokens) and at the cap (400).
 *
 *   npx tsx tests/bench/describe-cost.ts <folder...>
 */
import { describeTaskFor } from "@/lib/describe";
import type { PatternToDescribe } from "@/lib/db";
import { extractPaths } from "@/lib/extract";
import { isComplexTask, loadPriceTable, costOf, priceOf, readLlmConfig } from "@/lib/llm";

const folders = process.argv.slice(2);
if (folders.length === 0) throw new Error("usage: npx tsx tests/bench/describe-cost.ts <folder...>");
const result = await extractPaths({ paths: folders, cwd: process.cwd(), jobs: 1 });
const rows: PatternToDescribe[] = result.patterns.map((pattern) => ({
  id: pattern.key, pattern_type: pattern.patternType, kind: pattern.kind, name: pattern.name, description: pattern.description, language: pattern.language,
  code: pattern.code, tags: pattern.tags, dependencies: pattern.dependencies, complexity: pattern.complexity, content: { evidence: pattern.evidence },
  extraction_hash: null, embedding_model: null, qualnames: [...new Set(pattern.occurrences.map((occurrence) => occurrence.qualname))].slice(0, 12),
  files: [...new Set(pattern.occurrences.map((occurrence) => occurrence.file))].slice(0, 12),
}));
const tasks = rows.map(describeTaskFor);
const config = { ...readLlmConfig(), complexInputTokens: 3000 };
const complex = tasks.filter((task) => isComplexTask(config, task.needs));
const meanInput = tasks.reduce((sum, task) => sum + task.needs.inputTokens, 0) / tasks.length;
const meanComplexInput = complex.reduce((sum, task) => sum + task.needs.inputTokens, 0) / Math.max(1, complex.length);
const prices = loadPriceTable();
console.log(`${tasks.length} patterns from ${result.stats.files} files; ${complex.length} complex (${Math.round((100 * complex.length) / tasks.length)} %), mean prompt ${Math.round(meanInput)} tokens (complex ${Math.round(meanComplexInput)})`);
console.log("model | all 1,000 commercial, typical / cap | complex share only, typical / cap");
for (const [provider, model] of [["openai", "gpt-4o-mini"], ["openai", "gpt-4.1-mini"], ["openai", "gpt-5-mini"], ["anthropic", "claude-haiku-4-5"], ["anthropic", "claude-sonnet-4-5"]] as const) {
  const price = priceOf(prices, provider, model)!;
  const per = (input: number, output: number) => costOf(price, { inputTokens: Math.round(input), outputTokens: output });
  const all = [per(meanInput, 120) * 1000, per(meanInput, 400) * 1000];
  const share = complex.length / tasks.length;
  const mixed = [per(meanComplexInput, 120) * 1000 * share, per(meanComplexInput, 400) * 1000 * share];
  console.log(`${provider} ${model} | $${all[0].toFixed(2)} / $${all[1].toFixed(2)} | $${mixed[0].toFixed(2)} / $${mixed[1].toFixed(2)}`);
}
