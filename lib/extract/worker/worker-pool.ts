import { Worker } from "node:worker_threads";
import type { FileOutcome } from "@/lib/extract/pipeline";
import type { WorkerReply } from "./extract-worker";
import type { FileTask } from "./read-and-extract";
import { workerScript } from "./worker-script";

export interface ExtractInWorkersOptions {
  tasks: readonly FileTask[];
  /** Worker threads to start (capped at the number of files). */
  jobs: number;
  /** Called as each file is done, in completion order. */
  onOutcome?: (outcome: FileOutcome) => void;
  /** The worker module; default: the extraction worker (tests pass their own). */
  script?: URL;
}

interface PoolState {
  tasks: readonly FileTask[];
  next: number;
  outcomes: FileOutcome[];
  settled: number;
  onOutcome?: (outcome: FileOutcome) => void;
  finish: () => void;
  fail: (error: Error) => void;
  workers: Set<Worker>;
  script: URL;
}

function record(state: PoolState, index: number, outcome: FileOutcome): void {
  state.outcomes[index] = outcome;
  state.settled += 1;
  state.onOutcome?.(outcome);
  if (state.settled === state.tasks.length) state.finish();
}

// One worker takes one file at a time: when it dies (a parser crash, out of memory), the
// file in hand is reported as failed and a fresh worker carries on with the rest. A worker
// that dies before it is ready (it could not load) stops the run: every file would fail.
function startWorker(state: PoolState): void {
  const worker = new Worker(state.script);
  state.workers.add(worker);
  let current = -1;
  let ready = false;
  const feed = () => {
    if (state.next >= state.tasks.length) return void worker.terminate();
    current = state.next++;
    worker.postMessage({ id: current, task: state.tasks[current] });
  };
  const crash = (reason: string) => {
    state.workers.delete(worker);
    if (!ready) return state.fail(new Error(`cannot start an extraction worker: ${reason}`));
    if (current < 0) return;
    const failed = current;
    current = -1;
    record(state, failed, { status: "failed", failure: { file: state.tasks[failed].file, reason: `extraction crashed: ${reason}` } });
    if (state.next < state.tasks.length) startWorker(state);
  };
  worker.on("message", (reply: WorkerReply | "ready") => {
    if (reply === "ready") {
      ready = true;
      return feed();
    }
    current = -1;
    // The next file goes out first: whatever `onOutcome` does then overlaps the worker's work.
    feed();
    record(state, reply.id, reply.outcome);
  });
  worker.on("error", (error) => crash(error.message));
  worker.on("exit", (code) => crash(`worker exited with code ${code}`));
}

/**
 * Extracts files in `jobs` worker threads; outcomes come back in task order whatever order
 * the workers finish in.
 */
export async function extractInWorkers(options: ExtractInWorkersOptions): Promise<FileOutcome[]> {
  if (options.tasks.length === 0) return [];
  const script = options.script ?? (await workerScript());
  return new Promise((resolve, reject) => {
    const state: PoolState = {
      tasks: options.tasks,
      next: 0,
      outcomes: [],
      settled: 0,
      onOutcome: options.onOutcome,
      finish: () => resolve(state.outcomes),
      fail: (error) => {
        for (const worker of state.workers) void worker.terminate();
        reject(error);
      },
      workers: new Set(),
      script,
    };
    const workers = Math.max(1, Math.min(options.jobs, options.tasks.length));
    for (let index = 0; index < workers; index += 1) startWorker(state);
  });
}
