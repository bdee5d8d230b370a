/** Contiguous token windows per shingle: long enough to carry order, short enough for small units. */
export const shingleLength = 3;
/**
 * MinHash signature length. Shingle Jaccard runs well below token similarity (a pair at
 * token similarity 0.75 may share only 45% of its 3-shingles), so the index that looks
 * for similar patterns bands it in 24 × 2 rows (Jaccard 0.45 found with p ≈ 0.99), and the
 * one that looks for near copies in 12 × 4 rows (Jaccard 0.75 found with p ≈ 0.99).
 */
export const signatureLength = 48;

/** MurmurHash3's finaliser: a cheap bijective mix used as the MinHash permutations. */
function mix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a of `tokens[start..end)` joined by U+0001, without building the joined string. */
function fnv1a32Joined(tokens: string[], start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) {
    if (index > start) hash = Math.imul(hash ^ 1, 0x01000193);
    const token = tokens[index];
    for (let char = 0; char < token.length; char++) hash = Math.imul(hash ^ token.charCodeAt(char), 0x01000193);
  }
  return hash >>> 0;
}

/** The distinct hashed shingles of a token sequence, sorted ascending. */
export function shingleSet(tokens: string[]): Uint32Array {
  if (tokens.length <= shingleLength) return Uint32Array.of(fnv1a32Joined(tokens, 0, tokens.length));
  // Sorted then deduplicated in place: several times cheaper than collecting them in a Set.
  const hashes = new Uint32Array(tokens.length - shingleLength + 1);
  for (let start = 0; start < hashes.length; start++) hashes[start] = fnv1a32Joined(tokens, start, start + shingleLength);
  hashes.sort();
  let distinct = 1;
  for (let index = 1; index < hashes.length; index++) if (hashes[index] !== hashes[distinct - 1]) hashes[distinct++] = hashes[index];
  return hashes.slice(0, distinct);
}

/** Exact Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

const seeds = Array.from({ length: signatureLength }, (_, index) => mix32(0x9e3779b9 + index * 0x632be5ab));

/** The MinHash signature of a shingle set: per seed, the least mixed hash. */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(seeds.length).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < seeds.length; index++) {
      const value = mix32(shingle ^ seeds[index]);
      if (value < signature[index]) signature[index] = value;
    }
  }
  return signature;
}

/** The share of signature positions two MinHash signatures agree on: an estimate of their shingle Jaccard. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let index = 0; index < a.length; index++) if (a[index] === b[index]) equal++;
  return equal / a.length;
}
