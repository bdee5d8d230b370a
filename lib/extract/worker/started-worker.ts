import { Worker } from "node:worker_threads";
import type { WorkerReply } from "./extract-worker";

/** What a pool does with a worker's events once it has taken the worker. */
export interface WorkerHandlers {
  ready: () => void;
  reply: (reply: WorkerReply) => void;
  /** The worker died (an error or an exit): why. */
  died: (reason: string) => void;
}

/**
 * An extraction worker thread, started before its files are known (it loads its bundle and
 * grammars meanwhile). Its events are listened to from the start — a message that arrives
 * before anyone listens is lost — and kept until a pool takes it with `handle`.
 */
export class StartedWorker {
  readonly worker: Worker;
  private isReady = false;
  private death: string | undefined;
  private handlers: WorkerHandlers | undefined;

  constructor(script: URL) {
    this.worker = new Worker(script);
    this.worker.on("message", (message: WorkerReply | "ready") => {
      if (message !== "ready") return this.handlers?.reply(message);
      this.isReady = true;
      this.handlers?.ready();
    });
    this.worker.on("error", (error) => this.die(error.message));
    this.worker.on("exit", (code) => this.die(`worker exited with code ${code}`));
  }

  /** Hands the worker's events to a pool; what already happened (ready, died) is reported at once. */
  handle(handlers: WorkerHandlers): void {
    this.handlers = handlers;
    if (this.death !== undefined) handlers.died(this.death);
    else if (this.isReady) handlers.ready();
  }

  /** Stops the thread (a worker started for a run that then needed fewer). */
  stop(): void {
    void this.worker.terminate();
  }

  private die(reason: string): void {
    if (this.death !== undefined) return;
    this.death = reason;
    this.handlers?.died(reason);
  }
}
