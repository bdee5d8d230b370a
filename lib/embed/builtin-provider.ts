import { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from "./embedding-provider";
import { hashFeatures } from "./hash-features";
import { textFeatures } from "./text-features";

// The built-in embedder needs no model and no network: a text becomes the features of
// text-features.ts (stemmed words weighted by a shipped IDF table (data/idf-table.json), word pairs, and the
// concepts of the shipped programming thesaurus), hashed with signs into 384 dimensions
// and normalised. Similar wording meets through shared stems; different wording for the
// same idea meets through shared concepts. Deterministic and thousands of texts a second.

/** The model id stored beside built-in vectors; bump it when features or weights change. */
export const BUILTIN_EMBEDDING_MODEL = "motif-builtin-v4";

/** The vector of one text under the built-in embedder. */
export function embedTextBuiltin(text: string): Float32Array {
  return hashFeatures(textFeatures(text), EMBEDDING_DIMENSIONS);
}

/** The offline, deterministic default provider. */
export function createBuiltinProvider(): EmbeddingProvider {
  return {
    id: BUILTIN_EMBEDDING_MODEL,
    dimensions: EMBEDDING_DIMENSIONS,
    embed: async (texts) => texts.map(embedTextBuiltin),
  };
}
