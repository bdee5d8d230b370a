export { ingestExtraction, type IngestOptions, type IngestSummary } from "./ingest-extraction";
export { createIngestTracker, writeSteps, type IngestProgress, type IngestTracker } from "./ingest-tracker";
export { startIngestJob, finishIngestJob } from "./start-ingest-job";
export { slimForIngest, type IngestSource, type IngestUnit } from "./ingest-source";
export { ingestScope, buildIngestRows, type IngestRows } from "./ingest-rows";
export { searchTextForPattern } from "./search-text";
export { ingestAsOperator } from "./ingest-as-operator";
