import extractorVersionFile from "./data/extractor-version.json" with { type: "json" };
export { extractPaths, extractFileOutcomes, plannedWorkers, type ExtractFileOutcomesOptions, type ExtractPathsOptions, type ExtractionProgress, type ExtractionRun, type SkippedFile } from "./extract-paths";
export { toPrintableResult, printableJsonChunks, type PrintableResult, type PrintableUnit } from "./printable-result";
export { PrintableJsonWriter } from "./printable-json-writer";
export { extractSource, assembleResult, type FileOutcome } from "./pipeline";
export { leadsList, patternProminence, rankPatterns, ClusteringMemory } from "./clustering";
export { shippedUsageReadsModuleStatements } from "./usage";
export { discoverFiles, isExtractablePath, type DiscoveredFile, type Discovery } from "./discover";
export { detectLanguage } from "./syntax-tree";
export { kindFeaturesOfFile, type KindFeaturesInput, type UnitKindFeatures } from "./kind-features-of-file";
export type { SyntaxNode } from "./syntax-tree";
export { classifyKinds, kindModelFrom, kindProbabilities, trainLogisticRegression, linearScores, sigmoid, describeFeature, type KindModel, type LinearModel, type TrainingSample, type UnitFeatures } from "./kind-model";

/**
 * Names the output of `extractFile` for stored per-file extractions (incremental ingest): a
 * stored extraction of another version is re-extracted. A digest of every source file and
 * package version the extractor reaches, written by `npm run extract:version`
 * (scripts/extractor-version.mjs; a unit test fails when it is out of date), so an upgrade that
 * changes extraction never keeps stale kinds, names or scores.
 */
export const extractorVersion: string = extractorVersionFile.version;
