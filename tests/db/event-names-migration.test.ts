import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openPgliteDatabase } from "@/lib/db";

const supabase = path.resolve(import.meta.dirname, "../../supabase");
const renaming = "20261121001320";
const before = fs.mkdtempSync(path.join(os.tmpdir(), "motif-migrations-"));
afterAll(() => fs.rmSync(before, { recursive: true, force: true }));

// The schema as it stood before the renaming migration: embedded SQL and older migrations.
function schemaBefore(): string {
  fs.cpSync(path.join(supabase, "embedded"), path.join(before, "supabase", "embedded"), { recursive: true });
  fs.mkdirSync(path.join(before, "supabase", "migrations"));
  for (const file of fs.readdirSync(path.join(supabase, "migrations")).filter((name) => name < renaming)) {
    fs.copyFileSync(path.join(supabase, "migrations", file), path.join(before, "supabase", "migrations", file));
  }
  return before;
}

describe("the event-name migration", () => {
  it("renames the events ingest wrote before it, so the feed reads one scheme, and refuses undotted names after", async () => {
    const database = await openPgliteDatabase("memory://");
    await migrate(database, { embedded: true, root: schemaBefore() });
    const [{ id: projectId }] = await database.query<{ id: string }>("insert into public.projects (name, slug) values ('Old', 'old') returning id");
    for (const type of ["pattern_created", "pattern_updated", "occurrences_removed", "pattern.used", "pattern.deleted", "reviewed"]) {
      await database.query("insert into public.pattern_events (project_id, event_type) values ($1, $2)", [projectId, type]);
    }
    await migrate(database, { embedded: true });
    const rows = await database.query<{ event_type: string }>("select event_type from public.pattern_events order by id");
    expect(rows.map((row) => row.event_type)).toEqual([
      "pattern.created", "pattern.updated", "pattern.occurrences_removed", "pattern.used", "pattern.deleted", "pattern.reviewed",
    ]);
    await expect(database.query("insert into public.pattern_events (project_id, event_type) values ($1, 'pattern_created')", [projectId]))
      .rejects.toMatchObject({ code: "23514" });
    await database.close();
  });
});
