import { stemWord, wordWeight } from "@/lib/embed";
export { rerankPartNames, type RerankPartName } from "@/lib/domain";

/** What the re-ranker reads of one candidate: the parts of its SQL rank and what its name and description say. */
export interface RerankCandidate {
  /**
   * The pattern's id, when it has one: what its name's and description's words are cached under
   * between matches (checked against the name and description, so an edited pattern is read again).
   */
  id?: string;
  /** The pattern's name as shown ("Open Local File Method of URL Opener"). */
  name: string;
  /** The pattern's description (extraction's summary, or what describe wrote). */
  description: string;
  vectorRank: number | null;
  textRank: number | null;
  /** σ above the other vector candidates (match_patterns' similarity_z); null in a small project. */
  similarityZ: number | null;
  intentWords: number;
  wordsFound: number;
  /** The quality score match_patterns blended in (0.5 when unknown). */
  quality: number;
  /** match_patterns' final_score. */
  finalScore: number;
  /** With use-lite vectors: the sentence encoder's own cosine (lib/embed sentenceSimilarity); null or absent otherwise. */
  sentenceSimilarity?: number | null;
}


// Words that carry no meaning in an intent or a pattern's name.
const fillerWords = new Set(
  ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "it", "is", "with", "by", "from", "as", "at", "be", "that", "this", "so", "my", "its", "into", "if", "method", "function", "class", "using", "similar"].map(stemWord),
);

// Stems by word, kept between calls (a project's names and descriptions reuse a small
// vocabulary; stemming every word of 30 descriptions on each match cost ~1.5 ms of CPU).
const stemmed = new Map<string, string>();
const stemmedLimit = 50_000;

function cachedStem(word: string): string {
  let stem = stemmed.get(word);
  if (stem === undefined) {
    if (stemmed.size >= stemmedLimit) stemmed.clear();
    stem = stemWord(word);
    stemmed.set(word, stem);
  }
  return stem;
}

// The words of lib/words splitIdentifier in one pass (its three replacements and a split cost
// ~0.3 ms of CPU over 30 names and descriptions): the same words on every intent, name and
// description of the evaluation's candidates (4,745 texts; tests/unit/search/rerank-matches.test.ts).
const wordPattern = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d[a-z\d]*/g;

/** The words of a text as lib/words splitIdentifier splits them (lower case, letters and digits). */
export function textWords(text: string): string[] {
  return (text.match(wordPattern) ?? []).map((word) => word.toLowerCase());
}

/** The distinct stemmed content words of a text or an identifier. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of textWords(text)) {
    if (/^\d+$/.test(word)) continue;
    const stem = cachedStem(word);
    if (stem.length > 1 && !fillerWords.has(stem)) stems.add(stem);
  }
  return stems;
}

// A method of a class, as extraction names and describes it ("Should Rollover Method of …", "Method `A.b` …").
const memberPattern = /^(Async |Generator |Async generator )?[Mm]ethod /;
// A class, as extraction describes it ("Class `PrettyPrinter` with methods …", "React Component class `App` …").
const classPattern = /^[A-Za-z ]*\b[Cc]lass `/;

/** What the re-ranker reads of an intent: its distinct content stems, each with its rarity weight (lib/embed wordWeight). */
export interface RerankIntent {
  stems: string[];
  weights: number[];
  totalWeight: number;
}

/** The intent as the re-ranker reads it, once per match: its content stems (contentStems) and their weights. */
export function rerankIntent(text: string): RerankIntent {
  const stems = [...contentStems(text)];
  const weights = stems.map((stem) => wordWeight(stem));
  return { stems, weights, totalWeight: weights.reduce((sum, weight) => sum + weight, 0) };
}

/** What a pattern's name and description say, as the re-ranker reads them. */
interface Described {
  name: string;
  description: string;
  stems: Set<string>;
  member: boolean;
  isClass: boolean;
  /** The content stems of the file it is defined in (its name and folder; describedFileStems). */
  fileStems: Set<string>;
}

// Described words by pattern id, kept between matches: a project's first candidates recur from
// one intent to the next, and splitting and stemming 30 names and descriptions was most of the
// re-rank's CPU (docs/search-quality.md, "Session 11"). A hit must have the same name and
// description, so an edited pattern is read again.
const describedById = new Map<string, Described>();
const describedLimit = 20_000;

function describe(candidate: RerankCandidate): Described {
  const cached = candidate.id === undefined ? undefined : describedById.get(candidate.id);
  if (cached && cached.name === candidate.name && cached.description === candidate.description) return cached;
  const stems = contentStems(candidate.name);
  for (const stem of contentStems(candidate.description)) stems.add(stem);
  const described = {
    name: candidate.name, description: candidate.description, stems,
    member: memberPattern.test(candidate.description) || / Method of /.test(candidate.name),
    isClass: classPattern.test(candidate.description),
    fileStems: describedFileStems(candidate.description),
  };
  if (candidate.id !== undefined) {
    if (describedById.size >= describedLimit) describedById.clear();
    describedById.set(candidate.id, described);
  }
  return described;
}

// Where extraction's description says a pattern is defined: "Defined once, in lib/retry.py." or
// "Occurs 3 times in 2 files (lib/a.py, …)" (the first file).
const definedOncePattern = /Defined once, in (\S+?)\.?(?:\s|$)/;
const occursPattern = /Occurs \d+ times in \d+ files? \(([^,)]+)/;
// Parts of a path that name no topic (as measured: a plain substring removal).
const fillerPathPattern = /index|__init__|dist|lib|src/g;

/**
 * The content stems of the file a description says the pattern is defined in: its name without
 * the extension and its folder's name ("node_modules/p-retry/index.js" → p, retry;
 * "itsdangerous/signer.py" → itsdangerous, sign). Empty when the description names no file (one that
 * `motif describe` wrote).
 */
export function describedFileStems(description: string): Set<string> {
  const file = definedOncePattern.exec(description)?.[1] ?? occursPattern.exec(description)?.[1] ?? "";
  return contentStems(file.replace(/\.(py|js|mjs|cjs|ts|tsx)$/, "").split("/").slice(-2).join(" ").replace(fillerPathPattern, " "));
}

/** The share of the intent's words, each weighed by how rare it is in code (lib/embed wordWeight), that `words` holds. */
function weighedShare(intent: RerankIntent, words: Set<string>): number {
  let found = 0;
  for (let index = 0; index < intent.stems.length; index++) if (words.has(intent.stems[index])) found += intent.weights[index];
  return intent.totalWeight > 0 ? found / intent.totalWeight : 0;
}

/**
 * The parts one candidate's place is re-judged by: its SQL score against the first candidate's
 * (ln of the ratio, at least −1), 1/vector rank, 1/text rank, σ / 3, the share of the intent's
 * words its full text holds (of at most 8), the share of the intent's words — weighed by
 * rarity — that its name and description hold, whether it is a method of a class (1 or 0),
 * its quality, and for a class (0 otherwise) the two shares of words again: a class's full text
 * and description hold its members' words, so the intent's words found there say less of the
 * class itself than a function's or a method's do (the model weighs these two below zero), and
 * the share of the intent's words — weighed by rarity — in the name of its file and folder.
 */
export function rerankFeatures(intent: RerankIntent, candidate: RerankCandidate, topScore: number): number[] {
  const described = describe(candidate);
  const wordsFound = candidate.intentWords > 0 ? Math.min(1, candidate.wordsFound / Math.min(candidate.intentWords, 8)) : 0;
  const describedWords = weighedShare(intent, described.stems);
  return [
    topScore > 0 && candidate.finalScore > 0 ? Math.max(-1, Math.log(candidate.finalScore / topScore)) : -1,
    candidate.vectorRank ? 1 / candidate.vectorRank : 0,
    candidate.textRank ? 1 / candidate.textRank : 0,
    Math.max(Math.min(candidate.similarityZ ?? 0, 6), -2) / 3,
    wordsFound,
    describedWords,
    described.member ? 1 : 0,
    candidate.quality,
    described.isClass ? wordsFound : 0,
    described.isClass ? describedWords : 0,
    weighedShare(intent, described.fileStems),
  ];
}
