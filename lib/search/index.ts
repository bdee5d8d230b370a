export { matchPatterns, matchQueryTexts, matchLimits } from "./match-patterns";
export { recommendationsFor } from "./recommendations";
export type { MatchRequest, MatchFilters, MatchResponse, MatchedPattern, MatchOccurrence, MatchRanking } from "./match-types";
export { matchAsOperator } from "./match-as-operator";
export { matchStrength, strongMatchRule, type MatchStrength } from "./match-strength";
