import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { extractFile } from "@/lib/extract/extract-file";
import type { FileExtraction } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";

async function listFiles(root: string, relative = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(root, path.posix.join(relative, entry.name)) : [path.posix.join(relative, entry.name)])),
  );
  return nested.flat().filter((file) => detectLanguage(file)).sort();
}

/**
 * Extracts a fixture repository with paths relative to its root, as `motif extract` run
 * inside that repository would name them (so coverage reports written there match).
 */
export async function extractFixtureRepo(name: string): Promise<FileExtraction[]> {
  const root = path.join("tests/fixtures/repos", name);
  const files = await listFiles(root);
  return Promise.all(
    files.map(async (file) => extractFile({ file, source: await readFile(path.join(root, file), "utf8"), language: detectLanguage(file)! })),
  );
}
