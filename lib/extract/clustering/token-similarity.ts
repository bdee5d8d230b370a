/**
 * Token similarity of two shape-token sequences: 2·LCS / (|a| + |b|), the share of tokens
 * that line up in order (1 for identical shapes, 0.96 for a copy with one inserted log
 * line, ~0.9 for a variant that drops a statement or two). The LCS length is computed with
 * the bit-parallel algorithm of Crochemore et al. / Hyyrö, |a|/32 word operations per token of b.
 */
export function tokenSimilarity(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 1;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/**
 * `tokenSimilarity(a, b)` when it is at least `floor`; otherwise some value below `floor`
 * (not the similarity). Most candidate pairs end below their caller's floor, and the
 * computation stops as soon as the common subsequence so far plus what the rest of `b`
 * could still add (symbol counts) cannot reach it.
 */
export function tokenSimilarityAtLeast(a: Int32Array, b: Int32Array, floor: number): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // The smallest LCS whose similarity reaches the floor (computed as the result is, so the exit is exact).
  let needed = Math.max(0, Math.floor((floor * total) / 2) - 1);
  while (needed <= total && (2 * needed) / total < floor) needed++;
  const length = boundedLcsLength(a, b, needed);
  return length < 0 ? -1 : (2 * length) / total;
}

/** Length of the longest common subsequence of two integer sequences. */
export function lcsLength(first: Int32Array, second: Int32Array): number {
  return boundedLcsLength(first, second, 0);
}

/** Per distinct symbol of a sequence (a row): the bit set of its positions, and how often it occurs. */
interface SymbolMasks {
  words: number;
  symbols: Int32Array;
  counts: Int32Array;
  /** Row r's bit set is `bits[r * words … (r + 1) * words)`. */
  bits: Int32Array;
  /** True when every symbol is a small non-negative integer (token ids): rows are found through a table. */
  dense: boolean;
  rowBySymbol: Map<number, number>;
}

// A pattern centre is compared with many candidates: its masks are built once.
const masksBySequence = new WeakMap<Int32Array, SymbolMasks>();
const denseLimit = 1 << 20;

function symbolMasks(a: Int32Array): SymbolMasks {
  let masks = masksBySequence.get(a);
  if (masks) return masks;
  const words = Math.ceil(a.length / 32);
  const rowBySymbol = new Map<number, number>();
  const rowOf = new Int32Array(a.length);
  for (let index = 0; index < a.length; index++) {
    let row = rowBySymbol.get(a[index]);
    if (row === undefined) rowBySymbol.set(a[index], (row = rowBySymbol.size));
    rowOf[index] = row;
  }
  const symbols = Int32Array.from(rowBySymbol.keys());
  const counts = new Int32Array(symbols.length);
  const bits = new Int32Array(symbols.length * words);
  for (let index = 0; index < a.length; index++) {
    counts[rowOf[index]]++;
    bits[rowOf[index] * words + (index >>> 5)] |= 1 << (index & 31);
  }
  masks = { words, symbols, counts, bits, dense: isDense(symbols), rowBySymbol };
  masksBySequence.set(a, masks);
  return masks;
}

// Scratch space reused across calls (the main thread runs one comparison at a time).
let rowTable = new Int32Array(0).fill(-1);
let rowsOfB = new Int32Array(64);
let remaining = new Int32Array(64);
let state = new Int32Array(8);

/** Row of each symbol of `b` in `masks` (-1 where `a` lacks it), into `rowsOfB`. */
function rowsOf(masks: SymbolMasks, b: Int32Array): void {
  if (rowsOfB.length < b.length) rowsOfB = new Int32Array(Math.max(b.length, rowsOfB.length * 2));
  if (!masks.dense) {
    for (let position = 0; position < b.length; position++) rowsOfB[position] = masks.rowBySymbol.get(b[position]) ?? -1;
    return;
  }
  const { symbols } = masks;
  let largest = 0;
  for (let row = 0; row < symbols.length; row++) largest = Math.max(largest, symbols[row]);
  if (rowTable.length <= largest) rowTable = new Int32Array(Math.max(largest + 1, rowTable.length * 2)).fill(-1);
  for (let row = 0; row < symbols.length; row++) rowTable[symbols[row]] = row;
  for (let position = 0; position < b.length; position++) {
    const symbol = b[position];
    rowsOfB[position] = symbol >= 0 && symbol < rowTable.length ? rowTable[symbol] : -1;
  }
  for (let row = 0; row < symbols.length; row++) rowTable[symbols[row]] = -1;
}

/** Zero bits among the first `length` bits of `bits`: the LCS so far. */
function zeroBits(bits: Int32Array, words: number, length: number): number {
  let ones = 0;
  for (let word = 0; word < words; word++) {
    let value = word === words - 1 && (length & 31) !== 0 ? bits[word] | (-1 << (length & 31)) : bits[word];
    value = ~value;
    value -= (value >>> 1) & 0x55555555;
    value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
    ones += (Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return ones;
}

/**
 * LCS length of two sequences, or -1 once it is certain to stay below `needed`: the LCS of
 * `b`'s prefix so far plus, per symbol, the fewer of its occurrences in `a` and in the rest
 * of `b` bounds the final length.
 */
function boundedLcsLength(first: Int32Array, second: Int32Array, needed: number): number {
  const [a, b] = first.length <= second.length ? [first, second] : [second, first];
  if (a.length === 0) return needed > 0 ? -1 : 0;
  const masks = symbolMasks(a);
  const { words, bits, counts } = masks;
  rowsOf(masks, b);
  // bound = Σ over symbols of min(occurrences in a, occurrences in the rest of b).
  if (remaining.length < counts.length) remaining = new Int32Array(Math.max(counts.length, remaining.length * 2));
  remaining.fill(0, 0, counts.length);
  for (let position = 0; position < b.length; position++) if (rowsOfB[position] >= 0) remaining[rowsOfB[position]]++;
  let bound = 0;
  for (let row = 0; row < counts.length; row++) bound += Math.min(counts[row], remaining[row]);
  if (bound < needed) return -1;
  if (state.length < words) state = new Int32Array(Math.max(words, state.length * 2));
  const v = state;
  v.fill(-1, 0, words);
  // V starts all ones; each symbol of b updates V ← (V + (V & M)) | (V & ~M). Zero bits count the LCS.
  for (let position = 0; position < b.length; position++) {
    const row = rowsOfB[position];
    if (row < 0) continue;
    if (remaining[row]-- <= counts[row]) bound--;
    const offset = row * words;
    let carry = 0;
    for (let word = 0; word < words; word++) {
      // 32-bit words as int32 throughout: the carry out of x + y + carry is the top bit of (x & y) | ((x | y) & ~sum).
      const current = v[word];
      const mask = bits[offset + word];
      const matched = current & mask;
      const sum = (current + matched + carry) | 0;
      carry = ((current & matched) | ((current | matched) & ~sum)) >>> 31;
      v[word] = sum | (current & ~mask);
    }
    // Checked at every 8th position of b: counting the zero bits costs as much as a step.
    if ((position & 7) === 7 && needed > 0 && zeroBits(v, words, a.length) + bound < needed) return -1;
  }
  return zeroBits(v, words, a.length);
}

/** Per distinct symbol of a sequence, how often it occurs (symbols in first-seen order). */
interface SymbolCounts {
  symbols: Int32Array;
  counts: Int32Array;
}

const countsBySequence = new WeakMap<Int32Array, SymbolCounts>();

function symbolCounts(sequence: Int32Array): SymbolCounts {
  let found = countsBySequence.get(sequence);
  if (!found) {
    const bySymbol = new Map<number, number>();
    for (const symbol of sequence) bySymbol.set(symbol, (bySymbol.get(symbol) ?? 0) + 1);
    found = { symbols: Int32Array.from(bySymbol.keys()), counts: Int32Array.from(bySymbol.values()) };
    countsBySequence.set(sequence, found);
  }
  return found;
}

// Scratch for `similarityBound`: a count per small non-negative symbol, zero between calls.
let countTable = new Int32Array(0);

/** Whether every symbol is a small non-negative integer (token ids), usable as a table index. */
function isDense(symbols: Int32Array): boolean {
  for (let index = 0; index < symbols.length; index++) if (symbols[index] < 0 || symbols[index] >= denseLimit) return false;
  return true;
}

/**
 * An upper bound of `tokenSimilarity(a, b)`, in linear time: a common subsequence uses
 * each symbol at most as often as the sequence that has fewer of it. Callers skip the
 * exact measure when the bound is already below their threshold (most candidate pairs).
 */
export function similarityBound(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 1;
  const first = symbolCounts(a);
  const second = symbolCounts(b);
  let shared = 0;
  if (isDense(first.symbols) && isDense(second.symbols)) {
    // Counts of `a` in a table indexed by symbol (cleared after), then each symbol of `b` looks its count up.
    let largest = 0;
    for (const symbol of first.symbols) largest = Math.max(largest, symbol);
    if (countTable.length <= largest) countTable = new Int32Array(Math.max(largest + 1, countTable.length * 2));
    for (let row = 0; row < first.symbols.length; row++) countTable[first.symbols[row]] = first.counts[row];
    for (let row = 0; row < second.symbols.length; row++) {
      const symbol = second.symbols[row];
      if (symbol < countTable.length) shared += Math.min(second.counts[row], countTable[symbol]);
    }
    for (const symbol of first.symbols) countTable[symbol] = 0;
  } else {
    const counts = new Map<number, number>();
    for (let row = 0; row < first.symbols.length; row++) counts.set(first.symbols[row], first.counts[row]);
    for (let row = 0; row < second.symbols.length; row++) shared += Math.min(second.counts[row], counts.get(second.symbols[row]) ?? 0);
  }
  return (2 * shared) / (a.length + b.length);
}

/** Two sequences can reach `similarity` only if the shorter is at least this share of the longer. */
export function minimumLengthRatio(similarity: number): number {
  return similarity / (2 - similarity);
}
