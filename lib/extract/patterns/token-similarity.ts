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

// A pattern centre is compared with many candidates: its match masks are built once.
const masksBySequence = new WeakMap<Int32Array, Map<number, Uint32Array>>();

/** Per symbol of `a`, the bit set of the positions holding it. */
function symbolMasks(a: Int32Array, words: number): Map<number, Uint32Array> {
  let masks = masksBySequence.get(a);
  if (masks) return masks;
  masks = new Map<number, Uint32Array>();
  for (let index = 0; index < a.length; index++) {
    let mask = masks.get(a[index]);
    if (!mask) {
      mask = new Uint32Array(words);
      masks.set(a[index], mask);
    }
    mask[index >>> 5] |= 1 << (index & 31);
  }
  masksBySequence.set(a, masks);
  return masks;
}

/** Length of the longest common subsequence of two integer sequences. */
export function lcsLength(first: Int32Array, second: Int32Array): number {
  const [a, b] = first.length <= second.length ? [first, second] : [second, first];
  if (a.length === 0) return 0;
  const words = Math.ceil(a.length / 32);
  const masks = symbolMasks(a, words);
  // V starts all ones; each symbol of b updates V ← (V + (V & M)) | (V & ~M). Zero bits count the LCS.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let position = 0; position < b.length; position++) {
    const mask = masks.get(b[position]);
    if (!mask) continue;
    let carry = 0;
    for (let word = 0; word < words; word++) {
      const current = v[word];
      const matched = (current & mask[word]) >>> 0;
      const sum = current + matched + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[word] = (sum >>> 0) | (current & ~mask[word]);
    }
  }
  let zeros = 0;
  for (let index = 0; index < a.length; index++) if ((v[index >>> 5] & (1 << (index & 31))) === 0) zeros++;
  return zeros;
}

const countsBySequence = new WeakMap<Int32Array, Map<number, number>>();

function symbolCounts(sequence: Int32Array): Map<number, number> {
  let counts = countsBySequence.get(sequence);
  if (!counts) {
    counts = new Map();
    for (const symbol of sequence) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    countsBySequence.set(sequence, counts);
  }
  return counts;
}

/**
 * An upper bound of `tokenSimilarity(a, b)`, in linear time: a common subsequence uses
 * each symbol at most as often as the sequence that has fewer of it. Callers skip the
 * exact measure when the bound is already below their threshold (most candidate pairs).
 */
export function similarityBound(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 1;
  const [fewer, more] = [symbolCounts(a), symbolCounts(b)].sort((x, y) => x.size - y.size);
  let shared = 0;
  for (const [symbol, count] of fewer) shared += Math.min(count, more.get(symbol) ?? 0);
  return (2 * shared) / (a.length + b.length);
}

/** Two sequences can reach `similarity` only if the shorter is at least this share of the longer. */
export function minimumLengthRatio(similarity: number): number {
  return similarity / (2 - similarity);
}
