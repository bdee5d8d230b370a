// Entry point of an extraction worker thread (loaded through bootstrap.mjs). It takes one
// file at a time, so a crash can be pinned on the file that caused it. Parsers live in
// module state and are reused for every file this thread extracts.
import { parentPort } from "node:worker_threads";
import { readAndExtract, type FileTask } from "./read-and-extract";

/** A request from the pool. */
export interface WorkerRequest {
  id: number;
  task: FileTask;
}

/** A reply to the pool. */
export interface WorkerReply {
  id: number;
  outcome: Awaited<ReturnType<typeof readAndExtract>>;
}

parentPort?.on("message", async (request: WorkerRequest) => {
  const outcome = await readAndExtract(request.task);
  parentPort?.postMessage({ id: request.id, outcome } satisfies WorkerReply);
});
parentPort?.postMessage("ready");
