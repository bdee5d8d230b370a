import { MotifError } from "@/lib/errors";
import { EMBEDDING_DIMENSIONS } from "./embedding-provider";
import { truncateAndNormalize } from "./vector-math";

/**
 * Brings a model's vector to Motif's 384 dimensions: longer vectors are truncated and
 * re-normalised (right for Matryoshka-trained models such as text-embedding-3 and
 * nomic-embed-text); shorter ones cannot be used, and the error says so.
 */
export function fitDimensions(values: ArrayLike<number>, model: string): Float32Array {
  if (values.length < EMBEDDING_DIMENSIONS) {
    throw new MotifError(
      "internal:config",
      `Embedding model ${model} returns ${values.length} dimensions; Motif stores ${EMBEDDING_DIMENSIONS}. Choose a model with at least ${EMBEDDING_DIMENSIONS} (MOTIF_EMBEDDING_MODEL).`,
    );
  }
  return truncateAndNormalize(values, EMBEDDING_DIMENSIONS);
}
