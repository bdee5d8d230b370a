export { ingestUploadedFiles, type UploadSummary } from "./ingest-uploaded-files";
export { extractUploadedFiles, type UploadExtraction, type SourceFile, type ExtractFilters } from "./extract-uploaded-files";
export { uploadLimits, assertWithinUploadLimits, type UploadedFile } from "./upload-limits";
