export { matchPatterns, matchQueryTexts } from "./match-patterns";
export { recommendationsFor } from "./recommendations";
export { patternSearchText, type SearchTextSource } from "./pattern-search-text";
export { matchAsOperator, type RewriteIntentFor } from "./match-as-operator";
export { matchStrength, scoreLead, strengthFeatures, strengthModel, strengthProbability, summarizeStrength, type MatchStrength, type StrengthEvidence } from "./match-strength";
export { contentStems, describedFileStems, textWords, rerankFeatures, rerankIntent, rerankPartNames, type RerankCandidate, type RerankIntent, type RerankPartName } from "./rerank-features";
export { rerankDepth, rerankLead, rerankMatches, rerankModel, rerankParts, rerankScores, type Rerank } from "./rerank-matches";
