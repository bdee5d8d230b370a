import { createEmbeddingProvider, embeddingTextForPattern, type EmbeddingProvider, type PatternTextSource } from "@/lib/embed";

let provider: EmbeddingProvider | undefined;

/** The configured embedding provider, created once per process (its cache is shared). */
export function patternEmbeddingProvider(): EmbeddingProvider {
  provider ??= createEmbeddingProvider();
  return provider;
}

/** The vector of a pattern as pgvector text ("[0.1,...]") and the model that made it. */
export async function embedPattern(source: PatternTextSource): Promise<{ vector: string; model: string }> {
  const embedder = patternEmbeddingProvider();
  const [vector] = await embedder.embed([embeddingTextForPattern(source)]);
  return { vector: `[${Array.from(vector).join(",")}]`, model: embedder.id };
}
