export { matchPatterns, matchQueryTexts } from "./match-patterns";
export { recommendationsFor } from "./recommendations";
export { matchAsOperator } from "./match-as-operator";
export { matchStrength, strongMatchRule, summarizeStrength, type MatchStrength } from "./match-strength";
