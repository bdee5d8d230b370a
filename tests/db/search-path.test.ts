import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openPgliteDatabase, withUser } from "@/lib/db";

// pgvector lives in schema `extensions`, as in Supabase; queries write `vector` and `<=>`
// unqualified, so every session needs Supabase's search path, including a reopened data dir.
describe("the search path of an embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-search-path-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("resolves vector and <=> unqualified, on first open and after reopening, as authenticated too", async () => {
    const distance = "select ('[1,0]'::vector <=> '[0,1]'::vector)::float8 as distance";
    const first = await openPgliteDatabase(dataDir);
    await migrate(first, { embedded: true });
    expect(await first.query(distance)).toEqual([{ distance: 1 }]);
    await first.close();

    const reopened = await openPgliteDatabase(dataDir);
    expect(await migrate(reopened, { embedded: true })).toEqual([]);
    const asUser = await withUser(reopened, { role: "authenticated", sub: "00000000-0000-4000-8000-000000000001" }, (transaction) =>
      transaction.query(distance),
    );
    await reopened.close();
    expect(asUser).toEqual([{ distance: 1 }]);
  });
});
