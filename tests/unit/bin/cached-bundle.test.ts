import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { cachedBundle } from "@/bin/cached-bundle.mjs";

const homes: string[] = [];

function makeHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), "motif-bundle-"));
  homes.push(home);
  writeFileSync(path.join(home, "tsconfig.json"), JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }));
  writeFileSync(path.join(home, "entry.ts"), 'import { word } from "@/word";\nexport async function answer(): Promise<string> {\n  const { late } = await import("./late");\n  return `${word}-${late}`;\n}\n');
  writeFileSync(path.join(home, "word.ts"), 'export const word: string = "first";\n');
  writeFileSync(path.join(home, "late.ts"), 'export const late = "chunk";\n');
  return home;
}

afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

describe("cachedBundle", () => {
  it("bundles a TypeScript entry with its aliases and dynamic imports, and reuses it while no source changes", async () => {
    const home = makeHome();
    const first = await cachedBundle({ home, name: "probe", entry: "entry.ts" });
    expect(first).toMatch(/\/node_modules\/\.cache\/motif\/probe-[0-9a-f]{16}\/main\.js$/);
    const loaded = await import(pathToFileURL(first).href);
    expect(await loaded.answer()).toBe("first-chunk");
    const manifest = JSON.parse(readFileSync(path.join(home, "node_modules/.cache/motif/probe.json"), "utf8"));
    expect(Object.keys(manifest.inputs).sort()).toEqual(["entry.ts", "late.ts", "word.ts"]);
    expect(await cachedBundle({ home, name: "probe", entry: "entry.ts" })).toBe(first);
  });

  it("rebuilds when a source file changes", async () => {
    const home = makeHome();
    const first = await cachedBundle({ home, name: "probe", entry: "entry.ts" });
    writeFileSync(path.join(home, "word.ts"), 'export const word: string = "second";\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(home, "word.ts"), later, later);
    const second = await cachedBundle({ home, name: "probe", entry: "entry.ts" });
    expect(second).not.toBe(first);
    expect(await (await import(pathToFileURL(second).href)).answer()).toBe("second-chunk");
  });

  it("removes a build (or an interrupted build's staging folder) nobody used for an hour, and counts each use as use", async () => {
    const home = makeHome();
    const edit = (word: string, secondsAhead: number) => {
      writeFileSync(path.join(home, "word.ts"), `export const word: string = "${word}";\n`);
      const later = new Date(Date.now() + secondsAhead * 1000);
      utimesSync(path.join(home, "word.ts"), later, later);
    };
    const folderOf = (entry: string) => path.dirname(entry);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const first = folderOf(await cachedBundle({ home, name: "probe", entry: "entry.ts" }));
    utimesSync(first, twoHoursAgo, twoHoursAgo);
    // Used again while current: its folder is touched, so it is no longer an hour old.
    expect(folderOf(await cachedBundle({ home, name: "probe", entry: "entry.ts" }))).toBe(first);
    expect(statSync(first).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    edit("second", 5);
    const second = folderOf(await cachedBundle({ home, name: "probe", entry: "entry.ts" }));
    expect(existsSync(first)).toBe(true);
    utimesSync(first, twoHoursAgo, twoHoursAgo);
    edit("third", 10);
    const leftover = path.join(home, "node_modules/.cache/motif/probe.4242.staging");
    mkdirSync(leftover);
    utimesSync(leftover, twoHoursAgo, twoHoursAgo);
    const third = folderOf(await cachedBundle({ home, name: "probe", entry: "entry.ts" }));
    expect([existsSync(first), existsSync(second), existsSync(third), existsSync(leftover)]).toEqual([false, true, true, false]);
  });

  it("fails with esbuild's message when the entry does not compile", async () => {
    const home = makeHome();
    writeFileSync(path.join(home, "entry.ts"), "export const broken = ;\n");
    await expect(cachedBundle({ home, name: "probe", entry: "entry.ts" })).rejects.toThrow(/Unexpected ";"/);
  });
});
