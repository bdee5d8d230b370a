import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPgliteDatabase } from "@/lib/db";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-lock-"));
const environment = { ...process.env, MOTIF_DATA_DIR: dataDir };

function startHolder() {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-database.ts"], {
    cwd: root,
    env: environment,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => output.includes(text) && resolve();
      child.stdout.on("data", (chunk) => ((output += chunk), check()));
      child.on("exit", (code) => (output.includes(text) ? resolve() : reject(new Error(`holder exited ${code}`))));
      check();
    });
  return { child, waitFor };
}

describe("the data-dir lock", () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a second process with a clear message and loses no write of the first", async () => {
    const holder = startHolder();
    await holder.waitFor("ready");

    const second = spawnSync(process.execPath, [path.join(root, "bin/motif"), "projects"], {
      cwd: os.tmpdir(),
      env: environment,
      encoding: "utf8",
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`The data directory ${dataDir} is in use by process ${holder.child.pid}`);
    expect(second.stderr).toContain("set MOTIF_DATA_DIR to another folder");
    expect(second.stderr.trim().split("\n")).toHaveLength(1);

    holder.child.stdin.end();
    await holder.waitFor("done");
    const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
    const [row] = await database.query<{ count: number }>("select count(*)::int as count from lock_probe");
    await database.close();
    expect(row.count).toBe(100);
    expect(fs.existsSync(path.join(dataDir, "motif.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that is gone", () => {
    fs.writeFileSync(path.join(dataDir, "motif.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, command: "dead" }));
    const result = spawnSync(process.execPath, [path.join(root, "bin/motif"), "projects", "--json"], {
      cwd: os.tmpdir(),
      env: environment,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ projects: [] });
    expect(result.status).toBe(0);
  });
});
