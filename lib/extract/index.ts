export { extractPaths, plannedWorkers, type ExtractPathsOptions, type ExtractionProgress, type ExtractionRun, type SkippedFile } from "./extract-paths";
export { toPrintableResult, printableJsonChunks, type PrintableResult, type PrintableUnit } from "./printable-result";
export { extractSource, assembleResult, type FileOutcome } from "./pipeline";
export { rankPatterns } from "./clustering";
export { discoverFiles, type DiscoveredFile, type Discovery } from "./discover";
export { detectLanguage } from "./syntax-tree";
