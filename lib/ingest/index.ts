export { ingestExtraction, type IngestOptions, type IngestSummary, type IngestProgress } from "./ingest-extraction";
export { slimForIngest, type IngestSource, type IngestUnit } from "./ingest-source";
export { ingestScope, buildIngestRows, type IngestRows } from "./ingest-rows";
export { searchTextForPattern } from "./search-text";
export { ingestAsOperator } from "./ingest-as-operator";
export { ingestUploadedFiles, type UploadSummary } from "./ingest-uploaded-files";
export { extractUploadedFiles, type UploadExtraction } from "./extract-uploaded-files";
export { uploadLimits, assertWithinUploadLimits, type UploadedFile } from "./upload-limits";
