import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Family } from "./syntax";

/**
 * Words a detector's precondition looks for: lower-case needles made of letters, digits, `_`
 * and `$` only, each matched case-insensitively anywhere inside a word of the unit's text
 * (`retr` is in `max_retries`). Groups are made once, at module load.
 */
export interface WordGroup {
  readonly needles: readonly string[];
  /** The group's bit in a word's mask. */
  readonly bit: number;
}

const groups: WordGroup[] = [];
// No word shorter than the shortest needle can contain one: its mask is 0 without a lookup.
let shortestNeedle = Infinity;
// Each distinct word (lower-cased) → the groups it mentions, as a bit mask.
const maskOfWord = new Map<string, number>();
const wordCharacters = /^[a-z0-9_$]+$/;

/**
 * Declares a group of needles for preconditions. Needles are lower-case word characters
 * (`[a-z0-9_$]`): a needle can then only lie inside one word of the text, which is what makes
 * the per-word masks exact. At most 31 groups exist in a thread.
 */
export function wordGroup(...needles: string[]): WordGroup {
  for (const needle of needles) if (!wordCharacters.test(needle)) throw new Error(`wordGroup: "${needle}" is not lower-case word characters`);
  if (groups.length >= 31) throw new Error("wordGroup: at most 31 groups");
  const group = { needles, bit: 1 << groups.length };
  for (const needle of needles) shortestNeedle = Math.min(shortestNeedle, needle.length);
  groups.push(group);
  // Masks made before this group was declared do not know it.
  maskOfWord.clear();
  return group;
}

function maskOf(word: string): number {
  let mask = maskOfWord.get(word);
  if (mask === undefined) {
    mask = 0;
    const lower = word.toLowerCase();
    for (const group of groups) if (group.needles.some((needle) => lower.includes(needle))) mask |= group.bit;
    // Bounded like the other per-word caches: it grows only with distinct words.
    if (maskOfWord.size < 200_000) maskOfWord.set(word, mask);
  }
  return mask;
}

/** Every word of one file (maximal runs of `[A-Za-z0-9_$]`): where it ends and the groups it mentions. */
interface FileWords {
  ends: Int32Array;
  masks: Int32Array;
  /** The OR of every word's mask. */
  all: number;
}

const wordsByTree = new WeakMap<object, FileWords>();
const wordPattern = /[A-Za-z0-9_$]+/g;

// Which UTF-16 code units are word characters (`[A-Za-z0-9_$]`).
const isWordCode = new Uint8Array(128);
for (let code = 0; code < 128; code++) isWordCode[code] = /[A-Za-z0-9_$]/.test(String.fromCharCode(code)) ? 1 : 0;

// One pass over the file's text, made the first time a precondition asks about one of its units.
function fileWords(tree: object, source: string): FileWords {
  let words = wordsByTree.get(tree);
  if (!words) {
    const ends: number[] = [];
    const masks: number[] = [];
    let all = 0;
    const length = source.length;
    let index = 0;
    while (index < length) {
      const code = source.charCodeAt(index);
      if (code >= 128 || isWordCode[code] === 0) {
        index++;
        continue;
      }
      const start = index;
      for (index++; index < length; index++) {
        const next = source.charCodeAt(index);
        if (next >= 128 || isWordCode[next] === 0) break;
      }
      const mask = index - start < shortestNeedle ? 0 : maskOf(source.slice(start, index));
      ends.push(index);
      masks.push(mask);
      all |= mask;
    }
    words = { ends: Int32Array.from(ends), masks: Int32Array.from(masks), all };
    wordsByTree.set(tree, words);
  }
  return words;
}

/** The OR of the masks of every word that overlaps `from..to` (a word cut by either end counts whole). */
function maskBetween(words: FileWords, from: number, to: number): number {
  const { ends, masks } = words;
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ends[middle]! <= from) low = middle + 1;
    else high = middle;
  }
  let mask = 0;
  // A word ending at or before `to` + its length can still start before `to`; stop at the first starting past it.
  for (let index = low; index < ends.length; index++) {
    mask |= masks[index]!;
    if (ends[index]! >= to) break;
  }
  return mask;
}

// The parents that lend a unit its name (`const jitter = (delay) => …`, `key: function () {}`,
// `@decorator` above a Python def): their text counts as the unit's.
const namingParents = new Set(["variable_declarator", "pair", "assignment_expression", "decorated_definition", "public_field_definition", "field_definition"]);

/**
 * Cheap facts about one unit that detectors' preconditions read: which word groups its text
 * mentions (its node, the declaration that names it, and its qualified name) and which node
 * types it contains. Computed on first use, once per unit; the file's words once per file.
 */
export class UnitFacts {
  private mask?: number;
  private readonly types = new Map<string, boolean>();

  constructor(
    readonly node: SyntaxNode,
    readonly family: Family,
    readonly isClass: boolean,
    private readonly source: string,
    private readonly qualname: string,
  ) {}

  /** Whether the unit's text (or its name's declaration, or its qualified name) holds a word containing one of the group's needles. */
  mentions(group: WordGroup): boolean {
    this.mask ??= this.computeMask();
    return (this.mask & group.bit) !== 0;
  }

  /** Whether any word of the unit's whole file contains one of the group's needles (for rules that read other classes of the file). */
  fileMentions(group: WordGroup): boolean {
    return (fileWords(this.node.tree, this.source).all & group.bit) !== 0;
  }

  /** Whether the unit holds a node (named or not, the unit's own node aside) of one of the types. */
  has(...types: string[]): boolean {
    return types.some((type) => this.hasType(type));
  }

  private hasType(type: string): boolean {
    let found = this.types.get(type);
    if (found === undefined) {
      const nodes = this.node.descendantsOfType(type);
      found = nodes.length > (this.node.type === type ? 1 : 0);
      this.types.set(type, found);
    }
    return found;
  }

  private computeMask(): number {
    const parent = this.node.parent;
    const outer = parent && namingParents.has(parent.type) ? parent : this.node;
    let mask = maskBetween(fileWords(this.node.tree, this.source), outer.startIndex, outer.endIndex);
    for (const match of this.qualname.matchAll(wordPattern)) mask |= maskOf(match[0]);
    return mask;
  }
}
