/** Every Motif embedding has this many dimensions, whatever the provider (DESIGN §3). */
export const EMBEDDING_DIMENSIONS = 384;

/** Turns texts into unit-length vectors of {@link EMBEDDING_DIMENSIONS} components. */
export interface EmbeddingProvider {
  /** Names the model, stored beside each vector: "motif-builtin-v4", "openai:text-embedding-3-small". */
  readonly id: string;
  readonly dimensions: typeof EMBEDDING_DIMENSIONS;
  /** One vector per text, in order; each has unit length. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
