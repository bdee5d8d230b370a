export { buildPatterns, type BuildPatternsInput, type BuildPatternsResult } from "./build-patterns";
export { clusterUnits, groupByFingerprint, mergeSimilarity, type UnitCluster, type FingerprintGroup } from "./cluster-units";
export { selectCluster, type SelectedCluster } from "./select-clusters";
export { shapeTokens } from "./shape-tokens";
export { shingleSet, jaccard } from "./shingles";
export { isTestFile, isTrivialUnit } from "./unit-traits";
export { tokenSimilarity, lcsLength } from "./token-similarity";
