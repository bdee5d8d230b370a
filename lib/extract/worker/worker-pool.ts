import type { FileOutcome } from "@/lib/extract/pipeline";
import type { FileTask } from "./read-and-extract";
import { StartedWorker } from "./started-worker";
import { workerScript } from "./worker-script";

export interface ExtractInWorkersOptions {
  tasks: readonly FileTask[];
  /** Worker threads to start (capped at the number of files). */
  jobs: number;
  /** Called as each file is done, in completion order. */
  onOutcome?: (outcome: FileOutcome) => void;
  /** The worker module; default: the extraction worker (tests pass their own). */
  script?: URL;
  /** Workers started ahead of the run (`startWorkers`): used first, those not needed are stopped. */
  started?: readonly StartedWorker[];
}

/**
 * Starts `count` extraction workers before their files are known, so that they load their
 * bundle and grammars (~0.3 s) while the caller still finds the files; hand them to
 * `extractInWorkers` as `started`, or `stop()` each when the run needs none.
 */
export async function startWorkers(count: number, script?: URL): Promise<StartedWorker[]> {
  const url = script ?? (await workerScript());
  return Array.from({ length: count }, () => new StartedWorker(url));
}

interface PoolState {
  tasks: readonly FileTask[];
  next: number;
  outcomes: FileOutcome[];
  settled: number;
  onOutcome?: (outcome: FileOutcome) => void;
  finish: () => void;
  fail: (error: Error) => void;
  workers: Set<StartedWorker>;
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
function startWorker(state: PoolState, started: StartedWorker = new StartedWorker(state.script)): void {
  state.workers.add(started);
  let current = -1;
  let ready = false;
  const feed = () => {
    if (state.next >= state.tasks.length) return started.stop();
    current = state.next++;
    started.worker.postMessage({ id: current, task: state.tasks[current] });
  };
  started.handle({
    ready: () => {
      ready = true;
      feed();
    },
    reply: (reply) => {
      current = -1;
      // The next file goes out first: whatever `onOutcome` does then overlaps the worker's work.
      feed();
      record(state, reply.id, reply.outcome);
    },
    died: (reason) => {
      state.workers.delete(started);
      if (!ready) return state.fail(new Error(`cannot start an extraction worker: ${reason}`));
      if (current < 0) return;
      const failed = current;
      current = -1;
      record(state, failed, { status: "failed", failure: { file: state.tasks[failed].file, reason: `extraction crashed: ${reason}` } });
      if (state.next < state.tasks.length) startWorker(state);
    },
  });
}

/**
 * Extracts files in `jobs` worker threads; outcomes come back in task order whatever order
 * the workers finish in.
 */
export async function extractInWorkers(options: ExtractInWorkersOptions): Promise<FileOutcome[]> {
  const workers = Math.max(1, Math.min(options.jobs, options.tasks.length));
  const started = options.started ?? [];
  for (const extra of started.slice(options.tasks.length === 0 ? 0 : workers)) extra.stop();
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
        for (const worker of state.workers) worker.stop();
        reject(error);
      },
      workers: new Set(),
      script,
    };
    for (let index = 0; index < workers; index += 1) startWorker(state, started[index]);
  });
}
