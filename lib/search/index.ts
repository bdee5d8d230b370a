export { matchPatterns, matchQueryTexts } from "./match-patterns";
export { recommendationsFor } from "./recommendations";
export { patternSearchText, type SearchTextSource } from "./pattern-search-text";
export { matchAsOperator, type RewriteIntentFor } from "./match-as-operator";
export { matchStrength, scoreLead, strengthFeatures, strengthModel, strengthProbability, summarizeStrength, type MatchStrength, type StrengthEvidence } from "./match-strength";
export { contentStems, textWords, rerankFeatures, rerankPartNames, type RerankCandidate, type RerankPartName } from "./rerank-features";
export { rerankDepth, rerankLead, rerankMatches, rerankModel, rerankScores, type Rerank } from "./rerank-matches";
