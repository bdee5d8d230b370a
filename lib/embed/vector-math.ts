/** Scales a vector to unit length in place and returns it; a zero vector stays zero. */
export function normalizeVector(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const component of vector) sumOfSquares += component * component;
  const norm = Math.sqrt(sumOfSquares);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] /= norm;
  return vector;
}

/** Keeps the first `dimensions` components of a vector and re-normalises it (Matryoshka truncation). */
export function truncateAndNormalize(values: ArrayLike<number>, dimensions: number): Float32Array {
  return normalizeVector(Float32Array.from({ length: dimensions }, (_, index) => values[index]));
}

/** Cosine similarity of two vectors of the same length. */
export function cosineSimilarity(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let dot = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (let index = 0; index < left.length; index++) {
    dot += left[index] * right[index];
    leftSquares += left[index] * left[index];
    rightSquares += right[index] * right[index];
  }
  return leftSquares && rightSquares ? dot / Math.sqrt(leftSquares * rightSquares) : 0;
}
