import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractorVersion } from "@/lib/extract";
import { IngestMemory, ingestMemoryFileOf, loadIngestMemory, saveIngestMemory } from "@/lib/ingest";

const folder = mkdtempSync(path.join(os.tmpdir(), "motif-memory-file-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function rememberedMemory(): IngestMemory {
  const memory = new IngestMemory();
  memory.last = {
    digest: "12:34", setting: '["",[""],"builtin"]', lexemesExact: true,
    written: {
      patterns: new Map([["py:a", "h1"], ["py:b", "h2"]]),
      occurrences: new Map([["py:a", "a.py\u00011\u00012"]]),
      relationships: new Map([["USES\u0000py:a\u0000py:b", { keys: { relationship_type: "USES", source_key: "py:a", target_key: "py:b" }, row: "0.5\u00020.9\u0002calls b" }]]),
    },
  };
  return memory;
}

describe("persisted ingest memory", () => {
  const where = { folder, projectId: "6f1c2a52-0000-4000-8000-000000000001", repository: "acme/shop" };

  it("reads back what it saved, for the same project and repository only", () => {
    saveIngestMemory(where, rememberedMemory());
    expect(loadIngestMemory(where).last).toEqual(rememberedMemory().last);
    expect(loadIngestMemory({ ...where, repository: "acme/other" }).last).toBeUndefined();
    expect(loadIngestMemory({ ...where, projectId: "6f1c2a52-0000-4000-8000-000000000002" }).last).toBeUndefined();
  });

  it("ignores a file of another extractor version, a file that does not parse and one of another shape", () => {
    saveIngestMemory(where, rememberedMemory());
    const file = ingestMemoryFileOf(where);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.extractorVersion).toBe(extractorVersion);
    writeFileSync(file, JSON.stringify({ ...saved, extractorVersion: "another" }));
    expect(loadIngestMemory(where).last).toBeUndefined();
    writeFileSync(file, JSON.stringify(saved).slice(0, 40));
    expect(loadIngestMemory(where).last).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...saved, patterns: [["py:a"]] }));
    expect(loadIngestMemory(where).last).toBeUndefined();
  });

  it("removes the file when the memory holds nothing, and keeps it private to its owner", () => {
    saveIngestMemory(where, rememberedMemory());
    const file = ingestMemoryFileOf(where);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    saveIngestMemory(where, new IngestMemory());
    expect(existsSync(file)).toBe(false);
    expect(loadIngestMemory(where).last).toBeUndefined();
  });

  it("saves a deferred memory when the process exits before its timer (a server stopped by a signal)", () => {
    const child = { ...where, repository: "acme/stopped" };
    const script = [
      'import { IngestMemory, saveIngestMemoryLater } from "@/lib/ingest";',
      "const memory = new IngestMemory();",
      `memory.last = { digest: "1:2", setting: "s", lexemesExact: true, written: { patterns: new Map([["py:a", "h1"]]), occurrences: new Map(), relationships: new Map() } };`,
      `saveIngestMemoryLater(${JSON.stringify(child)}, memory);`,
      "process.exit(0);",
    ].join("\n");
    execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd(), stdio: "pipe" });
    expect(loadIngestMemory(child).last?.written.patterns).toEqual(new Map([["py:a", "h1"]]));
  }, 60_000);
});
