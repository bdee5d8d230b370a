import type { Ollama } from "ollama";
import { batches } from "./batches";
import { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from "./embedding-provider";
import { fitDimensions } from "./fit-dimensions";
import { providerFailure } from "./provider-failure";

/** How to reach a local Ollama server for embeddings. */
export interface OllamaProviderOptions {
  /** e.g. "http://127.0.0.1:11434". */
  host: string;
  /** e.g. "nomic-embed-text" (768 dimensions, Matryoshka-trained: truncation keeps quality). */
  model: string;
  batchSize: number;
  timeoutMs: number;
}

// The Ollama SDK has no timeout of its own; a fetch with a deadline gives it one.
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
}

/**
 * Embeddings from Ollama's `/api/embed` through the official SDK, several inputs per
 * request; vectors are truncated to 384 dimensions and re-normalised.
 */
export function createOllamaProvider(options: OllamaProviderOptions): EmbeddingProvider {
  // The SDK is loaded on the first call: commands that embed nothing start faster.
  let client: Promise<Ollama> | undefined;
  const connect = () => (client ??= import("ollama").then(({ Ollama: Sdk }) => new Sdk({ host: options.host, fetch: fetchWithTimeout(options.timeoutMs) })));
  const target = { label: "Ollama", url: options.host };

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const response = await (await connect()).embed({ model: options.model, input: texts, truncate: true }).catch((error: unknown) => {
      throw providerFailure(target, error);
    });
    if (response.embeddings.length !== texts.length) {
      throw providerFailure(target, new Error(`answered ${response.embeddings.length} embeddings for ${texts.length} inputs`));
    }
    return response.embeddings.map((values) => fitDimensions(values, `ollama:${options.model}`));
  }

  return {
    id: `ollama:${options.model}`,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (const batch of batches(texts, options.batchSize)) vectors.push(...(await embedBatch(batch)));
      return vectors;
    },
  };
}
