import type { EmbeddingProvider } from "./embedding-provider";

/**
 * Wraps a provider with a small least-recently-used cache keyed by text, so a repeated
 * query ("retry with backoff" asked twice) costs no second request. A Map keeps insertion
 * order: re-inserting on a hit moves an entry to the end, and the first key is the oldest.
 */
export function withEmbeddingCache(provider: EmbeddingProvider, maxEntries: number): EmbeddingProvider {
  const cache = new Map<string, Float32Array>();

  function remember(text: string, vector: Float32Array): void {
    cache.delete(text);
    cache.set(text, vector);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }

  return {
    id: provider.id,
    dimensions: provider.dimensions,
    async embed(texts) {
      const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
      const fresh = new Map<string, Float32Array>();
      if (missing.length > 0) {
        const vectors = await provider.embed(missing);
        missing.forEach((text, index) => fresh.set(text, vectors[index]));
      }
      return texts.map((text) => {
        const vector = fresh.get(text) ?? (cache.get(text) as Float32Array);
        remember(text, vector);
        // Callers may write into what they get; the cache keeps its own copy.
        return vector.slice();
      });
    },
  };
}
