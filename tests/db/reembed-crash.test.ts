import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openPgliteDatabase, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { recoverAbandonedJobs, reembedNow, storedPatternText } from "@/lib/jobs";
import { slowModel } from "../support/reembed-child";
import { runChild } from "../support/run-child";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-reembed-crash-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Runs the child; with `kill`, kills it (SIGKILL) as soon as it reports its first batch.
function runReembedChild(mode: "seed" | "reembed", kill = false) {
  return runChild("tests/support/reembed-child.ts", [mode], dataDir, (line, killChild) => kill && line.startsWith("batch") && killChild());
}

async function openDataDir(): Promise<Database> {
  const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
  await migrate(database, { embedded: true });
  return database;
}

type Row = { name: string; description: string; llm_description: string | null; code: string; tags: string[]; kind: string | null; pattern_type: string; dependencies: string[]; qualnames: string[]; embedding_model: string; embedding: string };

describe("a reembed job killed mid-way", () => {
  it("leaves every pattern with a matching vector and model; the next owner fails the job and a re-run finishes", async () => {
    expect((await runReembedChild("seed")).said).toEqual(["done"]);
    const killed = await runReembedChild("reembed", true);
    expect(killed).toEqual({ said: ["batch 1"], signal: "SIGKILL" });

    const database = await openDataDir();
    const models = { [createBuiltinProvider().id]: createBuiltinProvider(), "test:reversed-v1": slowModel(0) };
    const rows = await database.query<Row>(
      `select p.name, p.description, p.llm_description, p.code, p.tags, p.kind, p.pattern_type, p.dependencies, p.embedding_model, p.embedding::text as embedding,
         array(select distinct o.qualname from public.pattern_occurrences o where o.pattern_id = p.id and o.removed_at is null order by 1) as qualnames
       from public.patterns p order by p.id`);
    expect(rows.map((row) => row.embedding_model).filter((model) => model === "test:reversed-v1")).toHaveLength(1);
    for (const row of rows) {
      const [expected] = await models[row.embedding_model].embed([storedPatternText({ ...row, id: "", updated_at: "" })]);
      const stored = JSON.parse(row.embedding) as number[];
      for (const index of [0, 7, 383]) expect(stored[index]).toBeCloseTo(expected[index], 5);
    }
    const failed = await recoverAbandonedJobs({ database, owner: "test:1" });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ job_type: "reembed" });
    expect(failed[0].error).toMatch(/^abandoned: its process \(.+:\d+\) stopped while it ran; test:1 now owns the database$/);

    const [project] = await database.query<{ id: string }>("select id from public.projects where slug = 'crash'");
    const rerun = await reembedNow({ database, projectId: project.id, embedder: slowModel(0) });
    expect(rerun).toMatchObject({ state: "ran", outcome: { status: "succeeded", result: { processed: 2, total: 2, model: "test:reversed-v1" } } });
    await database.close();
  });
});
