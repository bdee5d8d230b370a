import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openPgliteDatabase } from "@/lib/db";
import { runChild } from "../support/run-child";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-crash-"));
const patterns = 4000;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Runs the child ingest; with `killAfterMs`, kills it (SIGKILL) that long after it began writing.
function runIngestChild(killAfterMs?: number) {
  return runChild("tests/support/ingest-child.ts", [String(patterns)], dataDir, (line, kill) => {
    if (line === "writing" && killAfterMs !== undefined) setTimeout(kill, killAfterMs);
  });
}

async function inspect() {
  const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
  await migrate(database, { embedded: true });
  const [state] = await database.query<{ patterns: number; without_occurrences: number; occurrences: number; events: number }>(`
    select
      (select count(*)::int from public.patterns) as patterns,
      (select count(*)::int from public.patterns p where not exists (select 1 from public.pattern_occurrences o where o.pattern_id = p.id)) as without_occurrences,
      (select count(*)::int from public.pattern_occurrences) as occurrences,
      (select count(*)::int from public.pattern_events where event_type = 'pattern.created') as events`);
  await database.close();
  return state;
}

describe("an ingest killed mid-write", () => {
  it("leaves nothing of itself, and the next ingest writes everything", async () => {
    const killed = await runIngestChild(400);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.said).toEqual(["writing"]); // killed inside the write transaction, before it committed
    expect(await inspect()).toEqual({ patterns: 0, without_occurrences: 0, occurrences: 0, events: 0 });

    const finished = await runIngestChild();
    expect(finished.said).toEqual(["writing", "done"]);
    // The child cycles through the sample's patterns, which have 3, 1 and 1 occurrences.
    const occurrences = Array.from({ length: patterns }, (_, index) => [3, 1, 1][index % 3]).reduce((sum, count) => sum + count, 0);
    expect(await inspect()).toEqual({ patterns, without_occurrences: 0, occurrences, events: patterns });
  });
});
