import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as fsPromises from "node:fs/promises";
import { FileHashCache, gitBlobHash, hashPresentFiles } from "@/lib/ingest/client";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-hash-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A repository of three files last written an hour ago.
function repository(name: string) {
  const root = path.join(scratch, name);
  mkdirSync(root, { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  const files = ["a.py", "b.py", "c.py"].map((file) => {
    writeFileSync(path.join(root, file), `def ${file[0]}():\n    return 1\n`);
    utimesSync(path.join(root, file), hourAgo, hourAgo);
    return { file, path: path.join(root, file) };
  });
  return { root, files, cacheFolder: path.join(scratch, `${name}-cache`) };
}

const readCount = () => vi.mocked(fsPromises.readFile).mock.calls.length;

// One `motif ingest`'s hashing: the cache as the last run left it; saved as a run this long after the files' writes.
async function hashRun(setup: ReturnType<typeof repository>, savedLaterMs = 10_000) {
  const cache = FileHashCache.open(setup.cacheFolder, setup.root);
  const before = readCount();
  const hashed = await hashPresentFiles(setup.files, cache);
  cache.save(Date.now() + savedLaterMs);
  return { hashed, reads: readCount() - before };
}

describe("FileHashCache with hashPresentFiles", () => {
  it("reads only the files whose stat changed since the last run, and names every file by its blob id", async () => {
    const setup = repository("changed");
    expect((await hashRun(setup)).reads).toBe(3);
    writeFileSync(setup.files[1].path, "def b():\n    return 2\n");
    const { hashed, reads } = await hashRun(setup);
    expect(reads).toBe(1);
    expect(hashed.present).toEqual(setup.files.map((file, index) => ({
      file: file.file, hash: gitBlobHash(Buffer.from(index === 1 ? "def b():\n    return 2\n" : `def ${file.file[0]}():\n    return 1\n`)),
    })));
    expect((await hashRun(setup)).reads).toBe(0);
  });

  it("reads again a file written within two seconds before the run that recorded it (its mtime may not have moved)", async () => {
    const setup = repository("racy");
    await hashRun(setup, 0);
    expect((await hashRun(setup)).reads).toBe(3);
    expect((await hashRun(setup)).reads).toBe(0);
  });

  it("reads again a file whose size or mtime changed with the same content length", async () => {
    const setup = repository("same-size");
    await hashRun(setup);
    writeFileSync(setup.files[0].path, "def a():\n    return 9\n");
    const { hashed, reads } = await hashRun(setup);
    expect(reads).toBe(1);
    expect(hashed.present[0].hash).toBe(gitBlobHash(Buffer.from("def a():\n    return 9\n")));
  });

  it("forgets a file the caller found at another id, and ignores a cache file it cannot read or of another root", async () => {
    const setup = repository("forget");
    const cache = FileHashCache.open(setup.cacheFolder, setup.root);
    await hashPresentFiles(setup.files, cache);
    cache.forget("a.py");
    cache.save(Date.now() + 10_000);
    expect((await hashRun(setup)).reads).toBe(1);
    expect((await hashRun({ ...setup, root: path.join(setup.root, "elsewhere") })).reads).toBe(3);
    for (const file of readdirSync(setup.cacheFolder)) writeFileSync(path.join(setup.cacheFolder, file), "{not json");
    expect((await hashRun(setup)).reads).toBe(3);
  });
});
