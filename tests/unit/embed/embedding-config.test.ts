import { describe, expect, it } from "vitest";
import { embeddingConfigFromEnvironment, parseEmbeddingConfig } from "@/lib/embed";
import type { MotifEnvironment } from "@/lib/env";

function environment(variables: Partial<MotifEnvironment>): MotifEnvironment {
  return {
    MOTIF_SESSION_TTL_SECONDS: 1, PORT: 3000, MOTIF_HOST: "127.0.0.1", MOTIF_TRUST_PROXY: "false", MOTIF_EMBEDDINGS: "builtin",
    mode: "embedded", dataDir: "/tmp/x", dataDirSource: "MOTIF_DATA_DIR", MOTIF_ACCURACY_THRESHOLD: 0.7, MOTIF_ACCURACY_MIN_VERDICTS: 5,
    allowedOrigins: [], trustProxy: false, ...variables,
  };
}

describe("embedding configuration", () => {
  it("defaults to the built-in provider", () => {
    expect(embeddingConfigFromEnvironment(environment({}))).toEqual({ provider: "builtin" });
  });

  it("reads OpenAI settings from the environment with defaults", () => {
    const config = embeddingConfigFromEnvironment(environment({ MOTIF_EMBEDDINGS: "openai", OPENAI_API_KEY: "sk-x" }));
    expect(config).toEqual({
      provider: "openai",
      apiKey: "sk-x",
      baseUrl: "https://api.openai.com/v1",
      model: "text-embedding-3-small",
      batchSize: 256,
      maxRetries: 2,
      timeoutMs: 30000,
      cacheSize: 512,
    });
  });

  it("accepts an Ollama host without a scheme and a model override", () => {
    const config = embeddingConfigFromEnvironment(
      environment({ MOTIF_EMBEDDINGS: "ollama", OLLAMA_HOST: "10.0.0.5:11434", MOTIF_EMBEDDING_MODEL: "mxbai-embed-large" }),
    );
    expect(config).toMatchObject({ provider: "ollama", host: "http://10.0.0.5:11434", model: "mxbai-embed-large" });
  });

  it("stops with the missing variable's name when OpenAI has no key", () => {
    expect(() => embeddingConfigFromEnvironment(environment({ MOTIF_EMBEDDINGS: "openai" }))).toThrow(
      "Invalid embedding configuration apiKey: OPENAI_API_KEY is required when MOTIF_EMBEDDINGS=openai",
    );
  });

  it("names a bad field", () => {
    expect(() => parseEmbeddingConfig({ provider: "openai", apiKey: "k", batchSize: 0 })).toThrow("Invalid embedding configuration batchSize");
  });
});
