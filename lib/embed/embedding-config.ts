import { z } from "zod";
import { getEnvironment, type MotifEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

const remoteDefaults = {
  timeoutMs: z.number().int().positive().default(30_000),
  /** Query embeddings kept in the LRU cache. */
  cacheSize: z.number().int().min(0).default(512),
};

// Ollama, like its own CLI, accepts a host without a scheme ("127.0.0.1:11434").
const ollamaHost = z
  .string()
  .min(1)
  .transform((host) => (/^https?:\/\//.test(host) ? host : `http://${host}`).replace(/\/+$/, ""))
  .pipe(z.string().url());

/** The validated choice of embedding provider and its settings. */
export const embeddingConfigSchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("builtin") }),
  z.object({ provider: z.literal("use-lite") }),
  z.object({
    provider: z.literal("openai"),
    apiKey: z.string({ error: "OPENAI_API_KEY is required when MOTIF_EMBEDDINGS=openai" }).min(1),
    baseUrl: z.string().url().default("https://api.openai.com/v1"),
    model: z.string().min(1).default("text-embedding-3-small"),
    batchSize: z.number().int().min(1).max(2048).default(256),
    maxRetries: z.number().int().min(0).max(10).default(2),
    ...remoteDefaults,
  }),
  z.object({
    provider: z.literal("ollama"),
    host: ollamaHost.default("http://127.0.0.1:11434"),
    model: z.string().min(1).default("nomic-embed-text"),
    batchSize: z.number().int().min(1).max(1024).default(64),
    ...remoteDefaults,
  }),
]);

/** What callers may pass: unset fields take their defaults. */
export type EmbeddingConfigInput = z.input<typeof embeddingConfigSchema>;
export type EmbeddingConfig = z.output<typeof embeddingConfigSchema>;

/** Validates an embedding configuration; a bad field stops with its name. */
export function parseEmbeddingConfig(input: EmbeddingConfigInput): EmbeddingConfig {
  const parsed = embeddingConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join(".") || "provider";
  throw new MotifError("internal:config", `Invalid embedding configuration ${field}: ${issue.message}`);
}

/**
 * The embedding configuration of this process: MOTIF_EMBEDDINGS (builtin | use-lite | openai | ollama),
 * MOTIF_EMBEDDING_MODEL, OPENAI_API_KEY, OPENAI_BASE_URL, OLLAMA_HOST.
 */
export function embeddingConfigFromEnvironment(environment: MotifEnvironment = getEnvironment()): EmbeddingConfig {
  const model = environment.MOTIF_EMBEDDING_MODEL;
  switch (environment.MOTIF_EMBEDDINGS) {
    case "openai":
      return parseEmbeddingConfig({
        provider: "openai",
        apiKey: environment.OPENAI_API_KEY as string,
        baseUrl: environment.OPENAI_BASE_URL,
        model,
      });
    case "ollama":
      return parseEmbeddingConfig({ provider: "ollama", host: environment.OLLAMA_HOST, model });
    case "use-lite":
      return parseEmbeddingConfig({ provider: "use-lite" });
    default:
      return parseEmbeddingConfig({ provider: "builtin" });
  }
}
