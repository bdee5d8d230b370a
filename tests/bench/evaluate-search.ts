/**
 * Search-quality evaluation of Motif's match, as the product runs it: developer intents
 * (tests/fixtures/intents/*.json) against the PATTERNS that extraction builds from real
 * open-source code on this machine (the Python standard library, packages under
 * node_modules), targets and distractor modules together. Each pattern is embedded with
 * the built-in embedder from embeddingTextForPattern (as ingest does) and indexed for full
 * text by real Postgres (PGlite) with the patterns table's weighted tsvector over name,
 * description and searchTextForPattern (lib/search patternSearchText, as ingest stores it); the two rankings are fused
 * exactly as match_patterns does (RRF k = 60 over the top 50 of each, the text list weighted
 * 0.2, then the quality
 * blend with no usage history), and the first 30 re-ranked as lib/search matchPatterns does
 * (rerankMatches; --no-rerank keeps the SQL order, --candidates <file> writes what the re-ranker
 * reads, for tests/bench/search-eval/fit-rerank.ts). An intent hits when a pattern holding one of its target
 * units is in the top 5; a target unit that no pattern holds is a miss.
 *
 * Seven intent sets, reported apart: in-sample (every file but the held-out ones; used while
 * tuning the embedder), held-out (held-out.json; written before the first tuning, looked at
 * and tuned against since), held-out-2 (held-out-2.json; written before the second tuning,
 * tuned on in the third), held-out-3 (held-out-3.json; written before the third tuning, scored
 * once after it, tuned on in the fourth), held-out-4 (held-out-4.json; written before the
 * fourth tuning, scored at the ends of sessions 9 and 10, tuned on from session 11),
 * held-out-5 (held-out-5.json; written in session 11 from source code only, scored once at its
 * end, tuned on from session 12) and held-out-6 (held-out-6.json; written in session 12 from
 * source code only, never tuned on). Without --set the six tuning sets are read; held-out-6 is
 * scored only when named (--set held-out-6), once a round's tuning is over; the corpus holds every set's target files
 * either way, so every set ranks against the same patterns.
 *
 * --original-targets drops the targets marked `added` (right answers completed blind after
 * the intents were written; tests/fixtures/intents/README.md) and scores only the original ones.
 *
 * Each set also reports MRR@10 and how often a result that the product marks strong
 * (lib/search matchStrength) is right; intents about code that is not there
 * (intents/absent/absent-code.json, and absent/<set>.json with held-out-3 to held-out-6) report how
 * many get no strong result.
 *
 * --dump <file> writes every intent's top 10 with the parts of its rank (and whether it is
 * right) as JSON, to study other strength rules than the product's.
 *
 * --sweep re-fuses the same candidate lists with other blend constants and boosts (kind named
 * by the intent, recurrence) and reports recall@5 and MRR@10 for each.
 *
 *   npx tsx tests/bench/evaluate-search.ts [--set in-sample|held-out|held-out-2|held-out-3|held-out-4|held-out-5|held-out-6[,...]] [--dump <file>] [--embedder builtin|use-lite] [--calibrate] [--sweep] [--verbose] [--no-docstring] [--original-targets] [--no-rerank] [--candidates <file>] [--vector-cache <file>]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createBuiltinProvider, createUseLiteProvider, embeddingTextForPattern, sentenceSimilarity } from "@/lib/embed";
import { matchStrength, rerankDepth, rerankMatches, rerankModel, scoreLead, type RerankCandidate, strengthModel, strengthProbability, type StrengthEvidence } from "@/lib/search";
import { searchTextForPattern } from "@/lib/ingest";
import { splitIdentifier } from "@/lib/words";
import { buildCorpus, codeRoots, distractorFiles, unitKey, type Corpus } from "./search-eval/corpus";
import { intentSets, loadIntents, tuningSets, type Intent, type IntentSet, type Target } from "./search-eval/intents";
import { createPostgresTextRanker } from "./search-eval/postgres-text-rank";
import { sharedWords } from "./search-eval/shared-words";
import { fuseRankings, fuseScores, productBlend, type BlendOptions, type WordCoverage } from "./search-eval/fuse";

const repository = path.resolve(import.meta.dirname, "../..");
const intentDirectory = path.join(repository, "tests/fixtures/intents");
const candidateLimit = 50;
// With use-lite, --candidates also writes the sentence encoder's own first candidates that the SQL order's first rerankDepth lack.
const encoderListLength = 10;
// --no-rerank ranks in the SQL order alone (match_patterns' final score), without lib/search's re-ranker.
const useRerank = !process.argv.includes("--no-rerank");
// --no-docstring embeds patterns as ingest did before it passed the representative's docstring.
const passDocstring = !process.argv.includes("--no-docstring");

// --embedder use-lite scores the optional local neural provider (MOTIF_EMBEDDINGS=use-lite).
const embedderArgument = process.argv.indexOf("--embedder");
const embedderName = embedderArgument > 0 ? process.argv[embedderArgument + 1] : "builtin";

interface Ranking {
  vector: number[];
  text: number[];
  hybrid: number[];
  /** Whether the product marks each pattern of `hybrid` strong (lib/search matchStrength). */
  strong: Set<number>;
  /** Each hybrid pattern's similarity in standard deviations above the spread (match_patterns' similarity_z). */
  standout: Map<number, number | null>;
  /** What lib/search matchStrength reads, for the hybrid top 5. */
  evidence: Map<number, StrengthEvidence>;
  /** Each candidate's vector similarity and final score (match_patterns' vector_similarity and final_score). */
  similarity: number[];
  scores: Map<number, number>;
  /** The re-ranker's share of each re-ranked candidate (lib/search Rerank.share). */
  shares: Map<number, number>;
  /** The intent's distinct words and how many of them each candidate holds. */
  words: WordCoverage;
  /** The SQL order's first rerankDepth candidates as the re-ranker reads them (before it runs), for --candidates. */
  candidates: Array<{ index: number } & RerankCandidate>;
}
type Ranker = (intent: string) => Promise<Ranking>;

/** match_patterns' similarity_z: a similarity's place in the spread of the first 50 vector candidates. */
function similarityZ(similarity: number[], vector: number[], index: number): number | null {
  const values = vector.slice(0, 50).map((candidate) => similarity[candidate]);
  if (values.length < strengthModel.minimumCandidates) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const deviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  return deviation > 0 ? (similarity[index] - mean) / deviation : null;
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index] * right[index];
  return sum;
}

/** The representative unit's docstring: the member whose code the pattern shows. */
function representativeDocstring(corpus: Corpus, index: number): string | undefined {
  const pattern = corpus.patterns[index];
  const members = pattern.occurrences.map((occurrence) => corpus.unitsById.get(occurrence.unitId)).filter((unit) => unit !== undefined);
  return (members.find((unit) => unit.code === pattern.code) ?? members.find((unit) => unit.docstring))?.docstring;
}

// --embed-identifier: the embedded text leads with the unit's qualified name in words instead of
// the pattern's name (which can lead with a detected kind: "Memoization Cache for Cmp"); the kind
// stays on its own line. A measurement (docs/search-quality.md, "Session 12"), not the product.
const embedIdentifier = process.argv.includes("--embed-identifier");
function identifierWords(corpus: Corpus, index: number): string {
  const pattern = corpus.patterns[index];
  const qualname = pattern.occurrences.map((occurrence) => corpus.unitsById.get(occurrence.unitId)).find((unit) => unit?.code === pattern.code)?.qualname ?? pattern.occurrences[0]?.qualname ?? pattern.name;
  return splitIdentifier(qualname).join(" ");
}

// --vector-cache <file>: vectors kept by embedder and text between runs (use-lite takes minutes to embed the corpus).
const cacheArgument = process.argv.indexOf("--vector-cache");
const cacheFile = cacheArgument > 0 ? process.argv[cacheArgument + 1] : undefined;
const vectorCache: Record<string, number[]> = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, "utf8")) : {};

async function embedCached(provider: { id: string; embed(texts: string[]): Promise<Float32Array[]> }, texts: string[]): Promise<Float32Array[]> {
  const key = (text: string) => `${provider.id}\u0000${text}`;
  const missing = [...new Set(texts.filter((text) => !vectorCache[key(text)]))];
  if (missing.length > 0) {
    const embedded = await provider.embed(missing);
    missing.forEach((text, index) => (vectorCache[key(text)] = Array.from(embedded[index])));
    if (cacheFile && missing.length > 1) writeFileSync(cacheFile, JSON.stringify(vectorCache));
  }
  return texts.map((text) => Float32Array.from(vectorCache[key(text)]));
}

async function createRanker(corpus: Corpus): Promise<Ranker> {
  if (embedderName !== "builtin" && embedderName !== "use-lite") throw new Error("--embedder takes builtin or use-lite");
  const provider = embedderName === "use-lite" ? createUseLiteProvider() : createBuiltinProvider();
  const texts = corpus.patterns.map((pattern, index) => embeddingTextForPattern(passDocstring ? { ...pattern, docstring: representativeDocstring(corpus, index) } : pattern))
    .map((text, index) => (embedIdentifier ? [identifierWords(corpus, index), ...text.split("\n").slice(1)].join("\n") : text));
  const vectors = await embedCached(provider, texts);
  const text = await createPostgresTextRanker(
    corpus.patterns.map((pattern) => ({ name: pattern.name, description: pattern.description, searchText: searchTextForPattern(pattern, corpus.unitsById) })),
  );
  return async (intent) => {
    const [query] = await embedCached(provider, [intent]);
    const similarity = vectors.map((vector) => dot(query, vector));
    // use-lite: the sentence encoder's own cosine (its half of the fused vector, lib/embed sentenceSimilarity).
    const sentence = embedderName === "use-lite" ? vectors.map((vector) => sentenceSimilarity(query, vector)) : null;
    const vector = similarity.map((_, index) => index).sort((left, right) => similarity[right] - similarity[left] || left - right).slice(0, candidateLimit);
    const textHits = await text.rank(intent, candidateLimit);
    const coverage = await text.wordsFound(intent, [...new Set([...vector, ...textHits])]);
    const { order: sqlOrder, scores: sqlScores } = fuseScores({ intent, vector, text: textHits, coverage, patterns: corpus.patterns });
    const standout = new Map(sqlOrder.map((index) => [index, similarityZ(similarity, vector, index)]));
    const words = coverage;
    // use-lite: the encoder's own order (its half of the vectors alone), for --candidates: its
    // rank of each candidate, and its first encoderListLength that the SQL order's first
    // rerankDepth lack (marked encoderOnly), to measure a third candidate list.
    const encoderOrder = sentence ? sentence.map((_, index) => index).sort((left, right) => sentence[right] - sentence[left] || left - right).slice(0, 100) : [];
    const headOfSql = new Set(sqlOrder.slice(0, rerankDepth));
    const encoderOnly = encoderOrder.slice(0, encoderListLength).filter((index) => !headOfSql.has(index));
    const describe = (index: number, extra: boolean) => ({
      index, name: corpus.patterns[index].name, description: corpus.patterns[index].description, quality: corpus.patterns[index].quality.score,
      similarity: similarity[index], kind: corpus.patterns[index].kind ?? null, occurrenceCount: corpus.patterns[index].occurrences.length,
      vectorRank: vector.indexOf(index) + 1 || null, textRank: textHits.indexOf(index) + 1 || null, similarityZ: similarityZ(similarity, vector, index),
      intentWords: words.intentWords, wordsFound: words.found.get(index) ?? 0, finalScore: sqlScores.get(index) ?? 0,
      sentenceSimilarity: sentence ? sentence[index] : null, encoderRank: sentence ? encoderOrder.indexOf(index) + 1 || null : null,
      identifier: corpus.patterns[index].occurrences[0]?.qualname ?? null, file: corpus.patterns[index].occurrences[0]?.file ?? null,
      ...(extra ? { encoderOnly: true } : {}),
    });
    const candidates = sqlOrder.slice(0, rerankDepth).map((index) => describe(index, false));
    const extraCandidates = encoderOnly.map((index) => describe(index, true));
    // lib/search's re-rank of the first rerankDepth (--no-rerank: the SQL order). The score of a
    // re-ranked result is e^(re-rank score / the SQL score's weight), so that ln(score / next
    // score) is the lead the product reads (lib/search rerankLead).
    const reranked = useRerank ? rerankMatches(intent, [...candidates, ...sqlOrder.slice(rerankDepth).map((index) => ({ ...candidates[0], index }))]) : null;
    const hybrid = reranked ? reranked.map(({ candidate }) => candidate.index) : sqlOrder;
    const scores = new Map(sqlScores);
    const shares = new Map<number, number>();
    for (const { candidate, rerank } of reranked ?? []) {
      if (rerank) scores.set(candidate.index, Math.exp(rerank.score / rerankModel.weights.sql_score));
      if (rerank) shares.set(candidate.index, rerank.share);
    }
    const evidenceOf = (index: number, position: number): StrengthEvidence => ({
      position, vectorRank: vector.indexOf(index) + 1 || null, textRank: textHits.indexOf(index) + 1 || null,
      intentWords: words.intentWords, wordsFound: words.found.get(index) ?? 0, similarityZ: standout.get(index) ?? null,
      scoreLead: scoreLead(scores.get(index)!, hybrid[position] === undefined ? undefined : scores.get(hybrid[position])),
      rerankShare: shares.get(index) ?? null,
    });
    const evidence = new Map(hybrid.slice(0, 5).map((index, position) => [index, evidenceOf(index, position + 1)]));
    const strong = new Set(hybrid.slice(0, 5).filter((index) => matchStrength(evidence.get(index)!).strength === "strong"));
    return { vector, text: textHits, hybrid, strong, standout, evidence, similarity, scores, shares, words, candidates: [...candidates, ...extraCandidates] };
  };
}

/** One intent's top 10 as --dump writes it. */
interface DumpedIntent {
  intent: string;
  noShared: boolean;
  results: Array<{ name: string; right: boolean; vectorRank: number | null; textRank: number | null; similarity: number; similarityZ: number | null; score: number; rerankShare: number | null; intentWords: number; wordsFound: number; strong: boolean }>;
}

/** The top 10 of one ranking with the parts of each rank. */
function dumpRanking(corpus: Corpus, intent: string, ranking: Ranking, wanted: Set<number>, noShared: boolean): DumpedIntent {
  return {
    intent, noShared,
    results: ranking.hybrid.slice(0, 10).map((index) => ({
      name: corpus.patterns[index].name, right: wanted.has(index),
      vectorRank: ranking.vector.indexOf(index) + 1 || null, textRank: ranking.text.indexOf(index) + 1 || null,
      similarity: ranking.similarity[index], similarityZ: ranking.standout.get(index) ?? null, score: ranking.scores.get(index)!, rerankShare: ranking.shares.get(index) ?? null,
      intentWords: ranking.words.intentWords, wordsFound: ranking.words.found.get(index) ?? 0,
      strong: ranking.strong.has(index),
    })),
  };
}

interface SetResult {
  evaluated: number;
  noShared: number;
  notPatterns: number;
  hits: Record<"vector" | "text" | "hybrid", { all: number; noShared: number }>;
  /** Sum of 1/rank of the first right pattern in the hybrid top 10 (MRR@10 once divided). */
  reciprocalRanks: { all: number; noShared: number };
  /** Results in the hybrid top 5 marked strong, those of them that are right, intents with none. */
  strong: { marked: number; right: number; intentsWithout: number };
  /** Every evaluated intent's two candidate lists and right answers, for --sweep. */
  lists: Array<{ intent: string; vector: number[]; text: number[]; coverage: WordCoverage; wanted: Set<number>; noShared: boolean }>;
  /** The hybrid top 5 of every intent, for --calibrate. */
  shown: Array<Array<StrengthEvidence & { right: boolean }>>;
  /** The hybrid top 10 of every intent with the parts of its rank, for --dump. */
  dumped: DumpedIntent[];
  /** The re-ranker's inputs for every intent, for --candidates. */
  candidates: Array<{ intent: string; noShared: boolean; candidates: Array<RerankCandidate & { right: boolean }> }>;
  problems: string[];
  rows: string[];
}

function targetPatterns(corpus: Corpus, targets: Target[]): Set<number> {
  const found = targets.map((target) => corpus.patternOfUnit.get(unitKey(`${target.root}/${target.file}`, target.qualname)));
  return new Set(found.filter((index) => index !== undefined));
}

function sharedWithTarget(corpus: Corpus, intent: Intent, target: Target): string[] {
  const key = unitKey(`${target.root}/${target.file}`, target.qualname);
  return corpus.units.filter((unit) => unitKey(unit.file, unit.qualname) === key).flatMap((unit) => sharedWords(intent.intent, unit));
}

/**
 * A no-shared-words intent must share no word with its original targets (a labelling error
 * otherwise). A right answer added later that does share a word would let the intent be
 * found by that word, so it is not counted for that intent: the no-shared figure stays a
 * measure of meeting code in other words.
 */
function checkNoSharedWords(corpus: Corpus, intent: Intent, problems: string[]): Intent {
  if (!intent.no_shared_words) return intent;
  const shared = intent.targets.filter((target) => target.added === undefined).flatMap((target) => sharedWithTarget(corpus, intent, target));
  if (shared.length > 0) problems.push(`"${intent.intent}" is marked no_shared_words but shares ${[...new Set(shared)].join(", ")}`);
  return { ...intent, targets: intent.targets.filter((target) => target.added === undefined || sharedWithTarget(corpus, intent, target).length === 0) };
}

async function evaluateSet(corpus: Corpus, rank: Ranker, intents: Intent[], verbose: boolean): Promise<SetResult> {
  const result: SetResult = { evaluated: 0, noShared: 0, notPatterns: 0, hits: { vector: { all: 0, noShared: 0 }, text: { all: 0, noShared: 0 }, hybrid: { all: 0, noShared: 0 } }, reciprocalRanks: { all: 0, noShared: 0 }, strong: { marked: 0, right: 0, intentsWithout: 0 }, lists: [], shown: [], dumped: [], candidates: [], problems: [], rows: [] };
  const known = new Set(corpus.units.map((unit) => unitKey(unit.file, unit.qualname)));
  for (const written of intents) {
    let intent = written;
    const missing = intent.targets.filter((target) => !known.has(unitKey(`${target.root}/${target.file}`, target.qualname)));
    if (missing.length > 0) {
      result.problems.push(`"${intent.intent}": no unit ${missing.map((target) => `${target.file}#${target.qualname}`).join(", ")}`);
      continue;
    }
    intent = checkNoSharedWords(corpus, intent, result.problems);
    result.evaluated += 1;
    if (intent.no_shared_words) result.noShared += 1;
    const wanted = targetPatterns(corpus, intent.targets);
    if (wanted.size === 0) result.notPatterns += 1;
    const ranking = await rank(intent.intent);
    result.lists.push({ intent: intent.intent, vector: ranking.vector, text: ranking.text, coverage: ranking.words, wanted, noShared: intent.no_shared_words });
    for (const side of ["vector", "text", "hybrid"] as const) {
      const hit = ranking[side].slice(0, 5).some((index) => wanted.has(index));
      result.hits[side].all += hit ? 1 : 0;
      result.hits[side].noShared += hit && intent.no_shared_words ? 1 : 0;
    }
    const position = ranking.hybrid.findIndex((index) => wanted.has(index)) + 1;
    if (position >= 1 && position <= 10) {
      result.reciprocalRanks.all += 1 / position;
      if (intent.no_shared_words) result.reciprocalRanks.noShared += 1 / position;
    }
    result.shown.push(ranking.hybrid.slice(0, 5).map((index) => ({ ...ranking.evidence.get(index)!, right: wanted.has(index) })));
    result.dumped.push(dumpRanking(corpus, intent.intent, ranking, wanted, intent.no_shared_words));
    result.candidates.push({ intent: intent.intent, noShared: intent.no_shared_words, candidates: ranking.candidates.map(({ index, ...candidate }) => ({ ...candidate, right: wanted.has(index) })) });
    const marked = ranking.hybrid.slice(0, 5).filter((index) => ranking.strong.has(index));
    result.strong.marked += marked.length;
    result.strong.right += marked.filter((index) => wanted.has(index)).length;
    if (marked.length === 0) result.strong.intentsWithout += 1;
    if (verbose || position < 1 || position > 5) {
      const top = ranking.hybrid.slice(0, 3).map((index) => corpus.patterns[index].name).join(" | ");
      const sideRank = (side: "vector" | "text") => ranking[side].findIndex((index) => wanted.has(index)) + 1 || "-";
      const status = wanted.size === 0 ? "NOT A PATTERN" : position >= 1 && position <= 5 ? "HIT " : `MISS rank ${position || "-"} (vector ${sideRank("vector")}, text ${sideRank("text")})`;
      result.rows.push(`${status} ${intent.no_shared_words ? "[no-shared] " : ""}${intent.intent}\n       top: ${top}`);
    }
  }
  return result;
}

/**
 * --calibrate: how often a strong result would be right, and how many intents would get one, if
 * lib/search's strength model called the first result strong from other thresholds than its
 * own. The model is fitted by tests/bench/search-eval/fit-strength.ts on the tuning sets;
 * held-out-6 is never tuned on.
 */
function calibrationTable(name: string, result: SetResult): string {
  const thresholds = [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85];
  const firsts = result.shown.map((shown) => shown[0]).filter((first) => first !== undefined);
  const cells = thresholds.map((threshold) => {
    const marked = firsts.filter((first) => strengthProbability(first) >= threshold);
    return `${threshold}: ${marked.filter((first) => first.right).length}/${marked.length}`;
  });
  return `${name}: strong results right / intents with one, by the model's threshold (lib/search ${strengthModel.threshold}): ${cells.join(", ")}`;
}

/**
 * --sweep: recall@5 and MRR@10 (overall / no shared word) of other blends than match_patterns'
 * over the same candidate lists: RRF k, the text list's weight, the quality weight, a boost for
 * patterns whose detected kind the intent names, and one for patterns that recur in the code.
 * Choose on the tuning sets; held-out-6 is never tuned on.
 */
function sweepTable(name: string, result: SetResult, corpus: Corpus): string {
  const variants: Array<[string, Partial<BlendOptions>]> = [
    ["product (k 60, text 0.2, quality 0.1, coverage 0.15)", {}], ["k 20", { rrfK: 20 }], ["k 40", { rrfK: 40 }], ["k 100", { rrfK: 100 }],
    ["text 0.1", { textWeight: 0.1 }], ["text 0.3", { textWeight: 0.3 }], ["text 0.5", { textWeight: 0.5 }],
    ["quality 0", { qualityWeight: 0 }], ["quality 0.2", { qualityWeight: 0.2 }],
    ["kind named +5 %", { kindBoost: 0.05 }], ["kind named +10 %", { kindBoost: 0.1 }], ["kind named +20 %", { kindBoost: 0.2 }],
    ["recurring +5 %", { recurrenceBoost: 0.05 }], ["recurring +10 %", { recurrenceBoost: 0.1 }], ["recurring +20 %", { recurrenceBoost: 0.2 }],
    ["coverage 0", { coverageWeight: 0 }], ["coverage 0.1", { coverageWeight: 0.1 }], ["coverage 0.2", { coverageWeight: 0.2 }], ["coverage 0.3", { coverageWeight: 0.3 }],
  ];
  const lines = [`${name}: blend sweep, recall@5 overall / no shared word, MRR@10 overall / no shared word`];
  const noShared = Math.max(1, result.lists.filter((entry) => entry.noShared).length);
  for (const [label, change] of variants) {
    let hits = 0, hitsNoShared = 0, reciprocal = 0, reciprocalNoShared = 0;
    for (const entry of result.lists) {
      const hybrid = fuseRankings({ intent: entry.intent, vector: entry.vector, text: entry.text, coverage: entry.coverage, patterns: corpus.patterns }, { ...productBlend, ...change });
      const position = hybrid.findIndex((index) => entry.wanted.has(index)) + 1;
      const hit = position >= 1 && position <= 5;
      hits += hit ? 1 : 0;
      hitsNoShared += hit && entry.noShared ? 1 : 0;
      const reciprocalRank = position >= 1 && position <= 10 ? 1 / position : 0;
      reciprocal += reciprocalRank;
      reciprocalNoShared += entry.noShared ? reciprocalRank : 0;
    }
    const count = Math.max(1, result.lists.length);
    lines.push(`  ${label.padEnd(38)} ${((100 * hits) / count).toFixed(1)} % / ${((100 * hitsNoShared) / noShared).toFixed(1)} %   ${(reciprocal / count).toFixed(3)} / ${(reciprocalNoShared / noShared).toFixed(3)}`);
  }
  return lines.join("\n");
}

function percent(part: number, whole: number): string {
  return `${part}/${whole} = ${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
}

function report(name: string, result: SetResult): string {
  const line = (side: keyof SetResult["hits"]) =>
    `  ${side.padEnd(6)} top-5 overall ${percent(result.hits[side].all, result.evaluated)}, no shared words ${percent(result.hits[side].noShared, result.noShared)}`;
  const mrr = (sum: number, count: number) => (sum / Math.max(1, count)).toFixed(3);
  return [
    `${name}: ${result.evaluated} intents, ${result.noShared} share no word with their target's identifiers, ${result.notPatterns} target no pattern`,
    line("hybrid"), line("vector"), line("text"),
    `  hybrid MRR@10 overall ${mrr(result.reciprocalRanks.all, result.evaluated)}, no shared words ${mrr(result.reciprocalRanks.noShared, result.noShared)}`,
    `  strong results right ${percent(result.strong.right, result.strong.marked)}; intents with no strong result ${percent(result.strong.intentsWithout, result.evaluated)}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const setArgument = process.argv.indexOf("--set");
  const sets: readonly IntentSet[] = setArgument > 0 ? (process.argv[setArgument + 1].split(",") as IntentSet[]) : tuningSets;
  if (!sets.every((set) => intentSets.includes(set))) throw new Error(`--set takes one of ${intentSets.join(", ")}`);
  const verbose = process.argv.includes("--verbose");
  const loaded = Object.fromEntries(intentSets.map((set) => [set, loadIntents(intentDirectory, set)])) as Record<IntentSet, Intent[]>;
  // One corpus for every set: every target file of any set, plus the distractors.
  const files = new Map<string, Pick<Target, "root" | "file">>();
  for (const intent of intentSets.flatMap((set) => loaded[set])) for (const target of intent.targets) files.set(`${target.root}/${target.file}`, target);
  // --original-targets: score with the targets written with the intents only (same corpus).
  const originalOnly = process.argv.includes("--original-targets");
  const intents = originalOnly
    ? (Object.fromEntries(intentSets.map((set) => [set, loaded[set].map((intent) => ({ ...intent, targets: intent.targets.filter((target) => target.added === undefined) }))])) as Record<IntentSet, Intent[]>)
    : loaded;
  for (const file of distractorFiles) files.set(`${file.root}/${file.file}`, file);
  const started = performance.now();
  const corpus = await buildCorpus(codeRoots(repository), [...files.values()]);
  const built = performance.now();
  const rank = await createRanker(corpus);
  if (originalOnly) console.log("targets: original only (--original-targets)");
  console.log(`corpus: ${files.size} files, ${corpus.units.length} units, ${corpus.patterns.length} patterns; extracted and clustered in ${(built - started).toFixed(0)} ms, indexed in ${(performance.now() - built).toFixed(0)} ms`);
  const reports: string[] = [];
  const dump: Record<string, DumpedIntent[]> = {};
  const candidateDump: Record<string, SetResult["candidates"]> = {};
  for (const set of sets) {
    const result = await evaluateSet(corpus, rank, intents[set], verbose);
    dump[set] = result.dumped;
    candidateDump[set] = result.candidates;
    if (result.rows.length > 0) console.log(`\n${set}:\n${result.rows.join("\n")}`);
    if (result.problems.length > 0) {
      console.log(`\nProblems (${set}):\n${result.problems.join("\n")}`);
      process.exitCode = 1;
    }
    reports.push(report(set, result));
    if (process.argv.includes("--calibrate")) reports.push(calibrationTable(set, result));
    if (process.argv.includes("--sweep")) reports.push(sweepTable(set, result, corpus));
  }
  const absentFiles = ["absent-code.json", ...(["held-out-3", "held-out-4", "held-out-5", "held-out-6"] as const).filter((set) => sets.includes(set)).map((set) => `${set}.json`)];
  for (const file of absentFiles) {
    const absent = await evaluateAbsent(corpus, rank, file);
    reports.push(absent.report);
    dump[`absent/${file}`] = absent.dumped;
  }
  console.log(`\n${reports.join("\n")}`);
  const dumpArgument = process.argv.indexOf("--dump");
  if (dumpArgument > 0) writeFileSync(process.argv[dumpArgument + 1], JSON.stringify(dump));
  const candidatesArgument = process.argv.indexOf("--candidates");
  if (candidatesArgument > 0) writeFileSync(process.argv[candidatesArgument + 1], JSON.stringify(candidateDump));
}

/**
 * Intents about code the corpus does not hold (one file of tests/fixtures/intents/absent/):
 * every one should get "no strong match".
 */
async function evaluateAbsent(corpus: Corpus, rank: Ranker, file: string): Promise<{ report: string; dumped: DumpedIntent[] }> {
  const absent = z.array(z.string()).parse(JSON.parse(readFileSync(path.join(intentDirectory, "absent", file), "utf8")));
  let withoutStrong = 0;
  const dumped: DumpedIntent[] = [];
  for (const intent of absent) {
    const ranking = await rank(intent);
    if (!ranking.hybrid.slice(0, 5).some((index) => ranking.strong.has(index))) withoutStrong += 1;
    dumped.push(dumpRanking(corpus, intent, ranking, new Set(), false));
  }
  return { report: `absent/${file}: ${absent.length} intents about code the corpus does not hold\n  no strong match ${percent(withoutStrong, absent.length)}`, dumped };
}

await main();
