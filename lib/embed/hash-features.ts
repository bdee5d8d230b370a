import { normalizeVector } from "./vector-math";

// 32-bit FNV-1a over UTF-16 code units: tiny, fast, stable across runtimes.
function fnv1a(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Feature hashing ("the hashing trick") into a unit vector: each feature lands in one
 * bucket with a hashed sign, so collisions between unrelated features cancel on average
 * instead of adding up. An empty feature set maps to one fixed bucket, never to zero.
 */
export function hashFeatures(features: Map<string, number>, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  if (features.size === 0) features = new Map([["empty", 1]]);
  for (const [key, weight] of features) {
    const bucket = fnv1a(key, 0) % dimensions;
    const sign = fnv1a(key, 0x9e3779b9) & 1 ? 1 : -1;
    vector[bucket] += sign * weight;
  }
  return normalizeVector(vector);
}
