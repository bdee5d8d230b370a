import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { advertiseServer, databaseIdentity, readAdvertisedServer } from "@/lib/env";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-advertised-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("advertised servers (motif serve in DATABASE_URL mode)", () => {
  it("names a database by its server and name, never its password", () => {
    const one = databaseIdentity({ DATABASE_URL: "postgres://motif:secret@db.example:5432/app" });
    expect(databaseIdentity({ DATABASE_URL: "postgres://motif:other@db.example:5432/app" })).toBe(one);
    expect(databaseIdentity({ DATABASE_URL: "postgres://motif:secret@db.example:5432/other" })).not.toBe(one);
    expect(databaseIdentity({ DATABASE_URL: "postgres://motif:secret@replica.example:5432/app" })).not.toBe(one);
    expect(one).not.toContain("secret");
    expect(databaseIdentity({})).toBe("embedded");
  });

  it("is found for its own database while its process runs, and not for another database", () => {
    advertiseServer(dataDir, "aaaa", "http://127.0.0.1:41910");
    expect(readAdvertisedServer(dataDir, "aaaa")).toEqual({ pid: process.pid, url: "http://127.0.0.1:41910" });
    expect(readAdvertisedServer(dataDir, "bbbb")).toBeUndefined();
    expect(fs.statSync(path.join(dataDir, "motif-server-aaaa.json")).mode & 0o077).toBe(0);
  });

  it("is ignored once its process is gone, or when the file is not one", () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(path.join(dataDir, "motif-server-cccc.json"), JSON.stringify({ pid: Number(gone.stdout), url: "http://127.0.0.1:41911" }));
    expect(readAdvertisedServer(dataDir, "cccc")).toBeUndefined();
    fs.writeFileSync(path.join(dataDir, "motif-server-dddd.json"), "{not json");
    expect(readAdvertisedServer(dataDir, "dddd")).toBeUndefined();
  });
});
