// A light suffix stripper in the spirit of Porter's, tuned for code words: it folds
// inflections (retries/retrying/retried → retry) and agent nouns onto their verb
// (builder → build, wrapper → wrap, validator → validat) so that an intent and the code
// it describes meet on the same stem. Stems need not be words; they only need to agree.
const irregular: Record<string, string> = {
  children: "child",
  indices: "index",
  indexes: "index",
  vertices: "vertex",
  matrices: "matrix",
  analyses: "analysis",
  data: "data",
  was: "be",
  were: "be",
  been: "be",
  done: "do",
  did: "do",
  made: "make",
  ran: "run",
  wrote: "write",
  written: "write",
  thrown: "throw",
  threw: "throw",
  sent: "send",
  kept: "keep",
  built: "build",
  found: "find",
  began: "begin",
  begun: "begin",
  chosen: "choose",
  gave: "give",
  given: "give",
};

const ordered: [suffix: string, replacement: string, minimumStem: number][] = [
  ["ifications", "ify", 2],
  ["ification", "ify", 2],
  ["scriptions", "scribe", 2],
  ["scription", "scribe", 2],
  ["ization", "ize", 3],
  ["isation", "ize", 3],
  ["ations", "ate", 3],
  ["ation", "ate", 3],
  ["ators", "ate", 3],
  ["ator", "ate", 3],
  ["ctions", "ct", 2],
  ["ction", "ct", 2],
  ["utions", "ute", 3],
  ["ution", "ute", 3],
  ["ctors", "ct", 3],
  ["ctor", "ct", 3],
  ["ically", "ic", 3],
  ["ily", "y", 3],
  ["ies", "y", 2],
  ["ied", "y", 2],
  ["sses", "ss", 2],
  ["ches", "ch", 2],
  ["shes", "sh", 2],
  ["xes", "x", 2],
  ["ingly", "", 3],
  ["ing", "", 3],
  ["edly", "", 3],
  ["ed", "", 3],
  ["ers", "", 3],
  ["er", "", 3],
  ["ables", "", 4],
  ["able", "", 4],
  ["ibles", "", 4],
  ["ible", "", 4],
  ["ly", "", 4],
  ["s", "", 3],
];

const keepsFinalS = /(ss|us|is|ous)$/;

function stripSuffix(word: string): { stem: string; stripped: boolean } {
  for (const [suffix, replacement, minimumStem] of ordered) {
    if (!word.endsWith(suffix)) continue;
    if (suffix === "s" && keepsFinalS.test(word)) return { stem: word, stripped: false };
    const base = word.slice(0, word.length - suffix.length);
    if (base.length < minimumStem) continue;
    return { stem: base + replacement, stripped: true };
  }
  return { stem: word, stripped: false };
}

/** The stem of one lowercase word, e.g. `retrying` → `retri`, `cached` → `cach`. */
export function stemWord(word: string): string {
  const known = irregular[word];
  if (known) return known;
  if (word.length <= 3 || /\d/.test(word)) return word;
  const first = stripSuffix(word);
  let stem = first.stem;
  // A second pass folds stacked suffixes: "validators" → "validate"; "wrappers" → "wrapp".
  if (first.stripped && stem.length > 5) stem = stripSuffix(stem).stem;
  stem = stem.replace(/^(.{4,})ize?$/, "$1");
  if (first.stripped && /([b-df-hj-km-np-rtv-z])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem) && stem.length > 3) {
    stem = stem.slice(0, -1);
  }
  if (stem.length > 3 && stem.endsWith("e")) stem = stem.slice(0, -1);
  // A final y and the i it becomes before a suffix are one letter (Porter's step 1c):
  // retry/retries → retri, cookie/cookies → cooki, copy/copied → copi.
  if (stem.length > 3 && stem.endsWith("y")) stem = `${stem.slice(0, -1)}i`;
  return stem;
}
