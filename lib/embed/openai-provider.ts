import type OpenAI from "openai";
import { batches } from "./batches";
import { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from "./embedding-provider";
import { fitDimensions } from "./fit-dimensions";
import { providerFailure } from "./provider-failure";

/** How to reach OpenAI (or an OpenAI-compatible server) for embeddings. */
export interface OpenAIProviderOptions {
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Inputs per request; OpenAI accepts up to 2048. */
  batchSize: number;
  /** Retries of the SDK on connection errors, 408/409/429 and 5xx (with its own backoff). */
  maxRetries: number;
  timeoutMs: number;
}

/**
 * Embeddings from the OpenAI API through the official SDK, asking the model for 384
 * dimensions (text-embedding-3 models shorten natively) and batching the inputs.
 */
export function createOpenAIProvider(options: OpenAIProviderOptions): EmbeddingProvider {
  // The SDK is loaded on the first call: commands that embed nothing start faster.
  let client: Promise<OpenAI> | undefined;
  const connect = () => (client ??= import("openai").then(({ default: Sdk }) => new Sdk({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    maxRetries: options.maxRetries,
    timeout: options.timeoutMs,
  })));
  const target = { label: "OpenAI", url: options.baseUrl, secret: options.apiKey };

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const response = await (await connect()).embeddings
      .create({
        model: options.model,
        // OpenAI rejects empty strings; a space embeds as "nothing" all the same.
        input: texts.map((text) => (text.trim() ? text : " ")),
        dimensions: EMBEDDING_DIMENSIONS,
        encoding_format: "float",
      })
      .catch((error: unknown) => {
        throw providerFailure(target, error);
      });
    if (response.data.length !== texts.length) {
      throw providerFailure(target, new Error(`answered ${response.data.length} embeddings for ${texts.length} inputs`));
    }
    const ordered = [...response.data].sort((left, right) => left.index - right.index);
    return ordered.map((item) => fitDimensions(item.embedding, options.model));
  }

  return {
    id: `openai:${options.model}`,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (const batch of batches(texts, options.batchSize)) vectors.push(...(await embedBatch(batch)));
      return vectors;
    },
  };
}
