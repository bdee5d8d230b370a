export { extractInWorkers, startWorkers, type ExtractInWorkersOptions } from "./worker-pool";
export type { StartedWorker } from "./started-worker";
export { readAndExtract, maxFileBytes, type FileTask } from "./read-and-extract";
