export { EMBEDDING_DIMENSIONS, type EmbeddingProvider } from "./embedding-provider";
export { createEmbeddingProvider } from "./create-embedding-provider";
export {
  embeddingConfigSchema,
  parseEmbeddingConfig,
  embeddingConfigFromEnvironment,
  type EmbeddingConfig,
  type EmbeddingConfigInput,
} from "./embedding-config";
export { createBuiltinProvider, embedTextBuiltin, BUILTIN_EMBEDDING_MODEL } from "./builtin-provider";
export { createUseLiteProvider, sentenceSimilarity, sentenceText, USE_LITE_EMBEDDING_MODEL } from "./use-lite-provider";
export { createOpenAIProvider, type OpenAIProviderOptions } from "./openai-provider";
export { createOllamaProvider, type OllamaProviderOptions } from "./ollama-provider";
export { withEmbeddingCache } from "./cached-provider";
export { embeddingTextForUnit, embeddingTextForPattern, type PatternTextSource } from "./embedding-text";
export { conceptWords } from "./concept-words";
export { stemWord } from "./stem-word";
export { wordWeight } from "./word-weight";
export { cosineSimilarity, normalizeVector } from "./vector-math";
