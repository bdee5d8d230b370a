/**
 * What the production search path costs on real code: extracts the folders given (as `motif
 * ingest` does), builds each pattern's embedding text (the extractor's facts, and the same with
 * a language model's description beside them, as `motif describe` re-embeds it) and each
 * evaluation intent's rewrite task exactly as the router receives it, and prices them.
 * Tokens are estimated at four characters a token (lib/prompts estimateTokens). Output tokens of
 * a rewrite are not known before a model answers: priced at a typical answer (~60 tokens: 30
 * words and five identifiers in the schema's JSON) and at the cap (200).
 *
 * Embedding prices are not in lib/llm/data/prices.json (it holds chat models): OpenAI's public
 * price page, as of 2026-12-01, gives text-embedding-3-small $0.02 and text-embedding-3-large
 * $0.13 per million tokens. Ollama runs locally: $0.
 *
 *   npx tsx tests/bench/search-path-cost.ts <folder...>
 */
import path from "node:path";
import { embeddingTextForPattern } from "@/lib/embed";
import { extractPaths } from "@/lib/extract";
import { rewriteIntentTask } from "@/lib/intent-rewrite";
import { costOf, loadPriceTable, priceOf } from "@/lib/llm";
import { estimateTokens } from "@/lib/prompts";
import { intentSets, loadIntents } from "./search-eval/intents";

const embeddingPrices = { "text-embedding-3-small": 0.02, "text-embedding-3-large": 0.13 } as const;
// A description as `motif describe` stores it: a name of a few words and two or three sentences.
const typicalDescription = "Recursive Directory Removal. Deletes a directory and everything below it, calling an error hook for each failure; reach for it to clean up a temporary tree.";

const folders = process.argv.slice(2);
if (folders.length === 0) throw new Error("usage: npx tsx tests/bench/search-path-cost.ts <folder...>");
const result = await extractPaths({ paths: folders, cwd: process.cwd(), jobs: 1 });
const plain = result.patterns.map((pattern) => estimateTokens(embeddingTextForPattern(pattern)));
const described = result.patterns.map((pattern) => estimateTokens(embeddingTextForPattern({ ...pattern, llmDescription: typicalDescription })));
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
console.log(`${result.patterns.length} patterns from ${result.stats.files} files; embedding text ${Math.round(mean(plain))} tokens a pattern, ${Math.round(mean(described))} with a description`);
for (const [model, perMillion] of Object.entries(embeddingPrices)) {
  const per1000 = (tokens: number) => ((tokens * 1000) / 1e6) * perMillion;
  console.log(`embed 1,000 patterns with openai ${model}: $${per1000(mean(plain)).toFixed(4)}; again after describe: $${per1000(mean(described)).toFixed(4)}`);
}

const intents = intentSets.flatMap((set) => loadIntents(path.resolve(import.meta.dirname, "../fixtures/intents"), set)).map((intent) => intent.intent);
const intentTokens = mean(intents.map(estimateTokens));
console.log(`embed 1,000 searches (mean intent ${intentTokens.toFixed(1)} tokens) with openai text-embedding-3-small: $${(((intentTokens * 1000) / 1e6) * embeddingPrices["text-embedding-3-small"]).toFixed(5)}`);
const tasks = intents.map(rewriteIntentTask);
const input = mean(tasks.map((task) => task.needs.inputTokens));
console.log(`rewrite: ${tasks.length} evaluation intents, mean prompt ${Math.round(input)} tokens; per 1,000 searches (each new intent rewritten once, repeats cached), typical / cap:`);
const prices = loadPriceTable();
for (const [provider, model] of [["openai", "gpt-4o-mini"], ["openai", "gpt-4.1-nano"], ["openai", "gpt-5-nano"], ["anthropic", "claude-haiku-4-5"]] as const) {
  const price = priceOf(prices, provider, model)!;
  const per1000 = (output: number) => costOf(price, { inputTokens: Math.round(input), outputTokens: output }) * 1000;
  console.log(`  ${provider} ${model}: $${per1000(60).toFixed(3)} / $${per1000(200).toFixed(3)}`);
}
console.log("  ollama (local): $0");
