export { matchPatterns, matchQueryTexts } from "./match-patterns";
export { recommendationsFor } from "./recommendations";
export { matchAsOperator } from "./match-as-operator";
