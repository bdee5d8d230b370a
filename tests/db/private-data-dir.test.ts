import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-private-"));

/** Every entry under a folder whose mode lets group or others read, write or enter it. */
function openToOthers(folder: string): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const stat = fs.lstatSync(current);
    if ((stat.mode & 0o077) !== 0) found.push(`${(stat.mode & 0o777).toString(8)} ${path.relative(folder, current)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(current)) pending.push(path.join(current, name));
  }
  return found;
}

describe("the embedded data dir", () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("holds no file or folder that other users may read or write, after writes and after close", async () => {
    process.env.MOTIF_DATA_DIR = dataDir;
    resetEnvironmentCache();
    const database = await openDatabase({ command: "private data dir test" });
    try {
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(openToOthers(dataDir)).toEqual([]);
      // New relations are new files, which PGlite writes 0666: the data dir's 0700 fences them
      // until the next pass, and closing makes them private too.
      await database.exec(`create table private_probe (n int); insert into private_probe select generate_series(1, 1000)`);
      await database.exec(`checkpoint`);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    } finally {
      await database.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, "pgdata")).length).toBeGreaterThan(10);
  });

  it("stays private when the CLI writes to it (a direct ingest)", () => {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), "motif-private-src-"));
    fs.writeFileSync(path.join(source, "retry.py"), "def retry(call):\n    for attempt in range(3):\n        try:\n            return call()\n        except Exception:\n            pass\n");
    const result = spawnSync(process.execPath, [path.join(root, "bin/motif"), "ingest", source, "--project", "private-probe"], {
      cwd: os.tmpdir(),
      env: { ...process.env, MOTIF_DATA_DIR: dataDir },
      encoding: "utf8",
    });
    fs.rmSync(source, { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    expect(openToOthers(dataDir)).toEqual([]);
  });
});
