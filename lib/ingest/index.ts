export { ingestExtraction, type IngestOptions, type IngestSummary, type IngestProgress } from "./ingest-extraction";
export { slimForIngest, type IngestSource, type IngestUnit } from "./ingest-source";
export { ingestScope, buildIngestRows, type IngestRows } from "./ingest-rows";
export { searchTextForPattern } from "./search-text";
export { ingestAsOperator } from "./ingest-as-operator";
