import { describe, expect, it } from "vitest";
import { extractInWorkers } from "@/lib/extract/worker/worker-pool";

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
});
