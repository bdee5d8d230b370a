// A JSON module, so one import loads it in Node, the CLI's esbuild bundle, Next and Deno
// (which asks for the `type` attribute); `npm run build:idf` rebuilds it.
import idfTable from "./data/idf-table.json" with { type: "json" };
import { stemWord } from "./stem-word";

// Words that carry no meaning in code or prose (articles, pronouns, language keywords,
// the filler of a request: "something", "a way to", "I need")
// weigh nothing. Every other word weighs by its inverse document frequency over ~11k real
// source files (data/idf-table.json, built by `npm run build:idf`): "get", "value", "data"
// appear in most files and weigh little, "backoff", "checksum", "levenshtein" weigh much, so
// the rare words that say what a unit does dominate its vector. The table is shipped data:
// the embedder stays deterministic and independent of the corpus it embeds.
const silent = `
a an the and or but nor if then else elif of to in on at by for with without from into onto as
is are be am was were been being it its this that these those there here which who whom whose
what when where why how all any each some not own same so than too very can will just should
would could may might must shall do does did have has had having me my we our ours you your he
she they them their his her also about above below via per i s t e g eg ie etc i.e us let lets
def self cls return function const var import export class none null undefined true false pass
lambda typeof instanceof void elif endif fn func
something anything everything nothing thing things stuff way ways want wants need needs please
`;

function stemSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(stemWord));
}

const silentStems = stemSet(silent);

const idf = new Map<string, number>(Object.entries(idfTable.idf as Record<string, number>));

/** IDF at or above which a word weighs fully; rarer words are not boosted further. */
const fullWeightIdf = 4;
/** Weight of a word the table does not know (seen in fewer than 3 files: a name, not vocabulary). */
const unknownWeight = 0.8;

/** The weight of a stemmed word in the built-in embedder: 0 for silent words, else its IDF scaled to 0.05–1. */
export function wordWeight(stem: string): number {
  if (silentStems.has(stem) || stem.length < 2 || /^\d+$/.test(stem)) return 0;
  const value = idf.get(stem);
  if (value === undefined) return unknownWeight;
  return Math.max(0.05, Math.min(1, value / fullWeightIdf));
}
