export { enhancePrompt, type EnhanceRequest, type EnhanceResult, type EnhancedPattern } from "./enhance-prompt";
export { fitPatternCard, type PatternCard, type PatternCardInput } from "./render-pattern-card";
export { estimateTokens } from "./estimate-tokens";
