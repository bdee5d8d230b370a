import { describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { extractInWorkers, startWorkers } from "@/lib/extract/worker/worker-pool";

const crashing = new URL("./workers/crashing-worker.mjs", import.meta.url);
const broken = new URL("./workers/broken-worker.mjs", import.meta.url);
const tasks = ["a.py", "b.py", "crash_1.py", "c.py", "crash_2.py", "d.py"].map((file) => ({ path: `/nowhere/${file}`, file, language: "python" as const }));

describe("extractInWorkers", () => {
  it("reports the file a worker died on, replaces the worker and finishes the rest, outcomes in task order", async () => {
    const seen: string[] = [];
    const outcomes = await extractInWorkers({ tasks, jobs: 2, script: crashing, onOutcome: (outcome) => seen.push(outcome.status) });
    expect(outcomes.map((outcome) => (outcome.status === "extracted" ? outcome.extraction.file : outcome.status === "failed" ? outcome.failure : outcome.file))).toEqual([
      "a.py",
      "b.py",
      { file: "crash_1.py", reason: "extraction crashed: parser blew up on crash_1.py" },
      "c.py",
      { file: "crash_2.py", reason: "extraction crashed: parser blew up on crash_2.py" },
      "d.py",
    ]);
    expect(seen).toHaveLength(6);
  });

  it("stops the run when a worker cannot start at all", async () => {
    await expect(extractInWorkers({ tasks, jobs: 2, script: broken })).rejects.toThrow("cannot start an extraction worker: cannot load the grammar");
  });

  it("uses workers started ahead, even once they are ready long before the run, and stops the ones it does not need", async () => {
    const started = await startWorkers(3, crashing);
    const exits = started.map((worker) => new Promise<number>((resolve) => worker.worker.once("exit", resolve)));
    await sleep(300); // their "ready" arrives before any pool listens
    const outcomes = await extractInWorkers({ tasks: tasks.slice(0, 2), jobs: 2, script: crashing, started });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["extracted", "extracted"]);
    await Promise.all(exits); // all three end: two when the files run out, the third at once
  });

  it("replaces a worker started ahead that crashes on a file, and stops the run when one could not load", async () => {
    const outcomes = await extractInWorkers({ tasks, jobs: 2, script: crashing, started: await startWorkers(2, crashing) });
    expect(outcomes.filter((outcome) => outcome.status === "failed")).toHaveLength(2);
    const brokenWorkers = await startWorkers(2, broken);
    await sleep(300); // they die before the run begins
    await expect(extractInWorkers({ tasks, jobs: 2, script: broken, started: brokenWorkers })).rejects.toThrow("cannot start an extraction worker: cannot load the grammar");
  });
});
