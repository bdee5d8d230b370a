export { matchPatterns, matchQueryTexts } from "./match-patterns";
export { recommendationsFor } from "./recommendations";
export { patternSearchText, type SearchTextSource } from "./pattern-search-text";
export { matchAsOperator } from "./match-as-operator";
export { matchStrength, strongMatchRule, summarizeStrength, type MatchStrength } from "./match-strength";
