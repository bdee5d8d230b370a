export { extractInWorkers, type ExtractInWorkersOptions } from "./worker-pool";
export { readAndExtract, maxFileBytes, type FileTask } from "./read-and-extract";
