import { createBuiltinProvider } from "./builtin-provider";
import { withEmbeddingCache } from "./cached-provider";
import { embeddingConfigFromEnvironment, parseEmbeddingConfig, type EmbeddingConfigInput } from "./embedding-config";
import type { EmbeddingProvider } from "./embedding-provider";
import { createOllamaProvider } from "./ollama-provider";
import { createOpenAIProvider } from "./openai-provider";
import { createUseLiteProvider } from "./use-lite-provider";

/**
 * The embedding provider a configuration asks for; without one, the process environment
 * decides (MOTIF_EMBEDDINGS, default builtin). Remote providers get an LRU cache for
 * repeated queries; the built-in one is faster than a cache lookup would save.
 */
export function createEmbeddingProvider(input?: EmbeddingConfigInput): EmbeddingProvider {
  const config = input ? parseEmbeddingConfig(input) : embeddingConfigFromEnvironment();
  switch (config.provider) {
    case "builtin":
      return createBuiltinProvider();
    case "use-lite":
      // Queries repeat (agents retry, people refine); the encoder costs milliseconds a text.
      return withEmbeddingCache(createUseLiteProvider(), 512);
    case "openai": {
      const provider = createOpenAIProvider(config);
      return config.cacheSize > 0 ? withEmbeddingCache(provider, config.cacheSize) : provider;
    }
    case "ollama": {
      const provider = createOllamaProvider(config);
      return config.cacheSize > 0 ? withEmbeddingCache(provider, config.cacheSize) : provider;
    }
  }
}
