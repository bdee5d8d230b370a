export { CodeLineIndex } from "./code-line-index";
export { radonClassComplexity } from "./radon-class-complexity";
export { radonMatchComplexity } from "./radon-match-complexity";
export { eslintDecisions, isLogicalOperator } from "./eslint-decisions";
export { countOperatorRuns } from "./logical-sequences";
