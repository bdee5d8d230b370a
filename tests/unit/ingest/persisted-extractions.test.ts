import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { extractorVersion, extractSource } from "@/lib/extract";
import type { FileExtraction } from "@/lib/domain";
import { ExtractionCache, extractionsFileOf, gitBlobHash, loadPersistedExtractions, savePersistedExtractions } from "@/lib/ingest";

const folder = mkdtempSync(path.join(os.tmpdir(), "motif-extractions-file-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function extracted(file: string, source: string) {
  const bytes = new TextEncoder().encode(source);
  const outcome = await extractSource({ file, language: "python", bytes });
  if (outcome.status !== "extracted") throw new Error(`${file} did not extract`);
  return { file, hash: gitBlobHash(bytes), extraction: outcome.extraction as FileExtraction };
}

describe("persisted extractions", () => {
  const where = { folder, projectId: "6f1c2a52-0000-4000-8000-000000000002", repository: "acme/shop" };

  it("gives back, by path, blob id and extractor version, the extractions of the files it was told to keep, and no others", async () => {
    const kept = await extracted("shop/retry.py", "def retry(call):\n    for attempt in range(3):\n        try:\n            return call()\n        except OSError:\n            pass\n");
    const gone = await extracted("shop/old.py", "def old():\n    return 1\n");
    const cache = new ExtractionCache();
    cache.remember(kept.hash, extractorVersion, kept.extraction);
    cache.remember(gone.hash, extractorVersion, gone.extraction);
    savePersistedExtractions(where, [{ file: kept.file, hash: kept.hash }], cache);
    expect(statSync(extractionsFileOf(where)).mode & 0o777).toBe(0o600);

    const next = new ExtractionCache();
    expect(loadPersistedExtractions(where, next)).toBe(1);
    expect(next.get(kept.file, kept.hash, extractorVersion)).toEqual(kept.extraction);
    // Another content of the same path, another extractor version, a file not kept: nothing.
    expect(next.get(kept.file, gitBlobHash(new TextEncoder().encode("x = 1\n")), extractorVersion)).toBeUndefined();
    expect(next.get(kept.file, kept.hash, "another-version")).toBeUndefined();
    expect(next.get(gone.file, gone.hash, extractorVersion)).toBeUndefined();
    // Another repository's file is another file.
    expect(loadPersistedExtractions({ ...where, repository: "acme/other" }, new ExtractionCache())).toBe(0);
  });

  it("adds nothing from a file that does not deserialize, or of another layout or extractor version", () => {
    const target = extractionsFileOf(where);
    for (const content of [Buffer.from("not v8 at all"), serialize({ layout: 99, extractorVersion, entries: [] }), serialize({ layout: 1, extractorVersion: "old", entries: [["a.py", "0".repeat(40), {}]] })]) {
      writeFileSync(target, content);
      const cache = new ExtractionCache();
      expect(loadPersistedExtractions(where, cache)).toBe(0);
      expect(cache.size).toBe(0);
    }
  });
});
