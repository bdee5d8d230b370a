export { discoverFiles, compareText, type DiscoveredFile, type Discovery, type DiscoverFilesOptions } from "./discover-files";
export { skippedContentReason, hasGeneratedHeader, looksMinified } from "./content-filters";
export { compileGlobs, isExtractablePath, skippedDirectoryReason, skippedFileNameReason, type GlobMatcher } from "./path-filters";
