/**
 * Why the vectors miss the intents that share no word with their code: for every
 * `no_shared_words` intent of the tuning sets, where the right pattern stands in the vector list
 * alone — the built-in embedder's, use-lite's fused vector, and each half of use-lite's vector on
 * its own (the built-in features, the sentence encoder) — and the text each model embeds for it
 * (the sentence encoder reads only the first lines: lib/embed sentenceText). Ranks nothing the
 * product shows; reads the tuning sets only.
 *
 *   npx tsx tests/bench/search-eval/vector-misses.ts [--vector-cache <file>] [--set a,b]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createBuiltinProvider, createUseLiteProvider, embeddingTextForPattern, sentenceText } from "@/lib/embed";
import { buildCorpus, codeRoots, distractorFiles, unitKey, type Corpus } from "./corpus";
import { intentSets, loadIntents, tuningSets, type IntentSet, type Target } from "./intents";

const repository = path.resolve(import.meta.dirname, "../../..");
const intentDirectory = path.join(repository, "tests/fixtures/intents");
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const cacheFile = option("--vector-cache");
const cache: Record<string, number[]> = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : {};

async function embedCached(provider: { id: string; embed(texts: string[]): Promise<Float32Array[]> }, texts: string[]): Promise<Float32Array[]> {
  const key = (text: string) => `${provider.id}\u0000${text}`;
  const missing = [...new Set(texts.filter((text) => !cache[key(text)]))];
  if (missing.length > 0) {
    const embedded = await provider.embed(missing);
    missing.forEach((text, index) => (cache[key(text)] = Array.from(embedded[index])));
    if (cacheFile && missing.length > 1) writeFileSync(cacheFile, JSON.stringify(cache));
  }
  return texts.map((text) => Float32Array.from(cache[key(text)]));
}

function dot(left: Float32Array, right: Float32Array, from = 0, to = left.length): number {
  let sum = 0;
  for (let index = from; index < to; index++) sum += left[index] * right[index];
  return sum;
}

/** The 1-based rank of the best of `wanted` when every pattern is ordered by `similarity`. */
function rankOf(similarity: number[], wanted: Set<number>): number {
  const best = Math.max(...[...wanted].map((index) => similarity[index]));
  return similarity.filter((value) => value > best).length + 1;
}

function representativeDocstring(corpus: Corpus, index: number): string | undefined {
  const pattern = corpus.patterns[index];
  const members = pattern.occurrences.map((occurrence) => corpus.unitsById.get(occurrence.unitId)).filter((unit) => unit !== undefined);
  return (members.find((unit) => unit.code === pattern.code) ?? members.find((unit) => unit.docstring))?.docstring;
}

async function main(): Promise<void> {
  const sets = (option("--set")?.split(",") ?? tuningSets) as IntentSet[];
  const loaded = Object.fromEntries(intentSets.map((set) => [set, loadIntents(intentDirectory, set)])) as Record<IntentSet, ReturnType<typeof loadIntents>>;
  const files = new Map<string, Pick<Target, "root" | "file">>();
  for (const intent of intentSets.flatMap((set) => loaded[set])) for (const target of intent.targets) files.set(`${target.root}/${target.file}`, target);
  for (const file of distractorFiles) files.set(`${file.root}/${file.file}`, file);
  const corpus = await buildCorpus(codeRoots(repository), [...files.values()]);
  const texts = corpus.patterns.map((pattern, index) => embeddingTextForPattern({ ...pattern, docstring: representativeDocstring(corpus, index) }));
  const builtin = createBuiltinProvider(), useLite = createUseLiteProvider();
  const [builtinVectors, useVectors] = [await embedCached(builtin, texts), await embedCached(useLite, texts)];
  const half = builtinVectors[0].length / 2;
  const counts = { builtin: [0, 0], fused: [0, 0], features: [0, 0], sentence: [0, 0], total: 0 };
  for (const set of sets) {
    for (const intent of loaded[set].filter((entry) => entry.no_shared_words)) {
      const wanted = new Set(intent.targets.filter((target) => target.added === undefined)
        .map((target) => corpus.patternOfUnit.get(unitKey(`${target.root}/${target.file}`, target.qualname))).filter((index) => index !== undefined));
      if (wanted.size === 0) continue;
      const [queryBuiltin] = await embedCached(builtin, [intent.intent]);
      const [queryUse] = await embedCached(useLite, [intent.intent]);
      const ranks = {
        builtin: rankOf(builtinVectors.map((vector) => dot(queryBuiltin, vector)), wanted),
        fused: rankOf(useVectors.map((vector) => dot(queryUse, vector)), wanted),
        features: rankOf(useVectors.map((vector) => dot(queryUse, vector, 0, half)), wanted),
        sentence: rankOf(useVectors.map((vector) => dot(queryUse, vector, half)), wanted),
      };
      counts.total += 1;
      for (const name of ["builtin", "fused", "features", "sentence"] as const) {
        if (ranks[name] <= 5) counts[name][0] += 1;
        if (ranks[name] <= 30) counts[name][1] += 1;
      }
      const target = [...wanted][0];
      console.log(`${set} | ${intent.intent}\n  vector rank: built-in ${ranks.builtin}, use-lite ${ranks.fused} (features half ${ranks.features}, sentence half ${ranks.sentence})`);
      console.log(`  target ${corpus.patterns[target].name}; the encoder reads: ${JSON.stringify(sentenceText(texts[target]))}`);
    }
  }
  const line = (name: keyof typeof counts) => `${name} ${(counts[name] as number[])[0]} in the top 5, ${(counts[name] as number[])[1]} in the top 30`;
  console.log(`\n${counts.total} no-shared-word intents whose original target is a pattern: ${line("builtin")}; ${line("fused")}; ${line("features")}; ${line("sentence")}`);
}

await main();
