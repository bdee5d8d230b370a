import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractFile } from "@/lib/extract/extract-file";
import { buildPatterns } from "@/lib/extract/clustering";
import type { CodeUnit, ExtractedPattern, FileExtraction } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import type { Target } from "./intents";

/**
 * The roots of real open-source code on this machine that intents point into: the Python
 * standard library, the project's node_modules and Debian's python3-* libraries
 * (/usr/lib/python3/dist-packages; held-out-4 points there).
 */
export function codeRoots(repository: string): Record<Target["root"], string> {
  const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
  return { "python-stdlib": stdlib, node_modules: path.join(repository, "node_modules"), "debian-python": "/usr/lib/python3/dist-packages" };
}

/** Whole modules no intent points at: they only compete with the targets. */
export const distractorFiles: Array<Pick<Target, "root" | "file">> = [
  ...["poplib.py", "calendar.py", "locale.py", "gettext.py", "plistlib.py", "imaplib.py", "ftplib.py", "optparse.py", "inspect.py", "http/client.py", "http/server.py", "unittest/case.py", "asyncio/base_events.py", "multiprocessing/pool.py", "ast.py"].map(
    (file) => ({ root: "python-stdlib" as const, file }),
  ),
  ...["semver/classes/range.js", "commander/lib/command.js", "debug/src/common.js", "picomatch/lib/parse.js", "ajv/lib/compile/index.js", "esquery/dist/esquery.esm.js", "graceful-fs/polyfills.js", "cross-spawn/lib/parse.js"].map(
    (file) => ({ root: "node_modules" as const, file }),
  ),
];

/** The evaluated corpus: every unit of the files, and the patterns extraction builds from them. */
export interface Corpus {
  units: CodeUnit[];
  patterns: ExtractedPattern[];
  /** "<root>/<file>#<qualname>" → index of the pattern holding that unit. */
  patternOfUnit: Map<string, number>;
  unitsById: Map<string, CodeUnit>;
}

/** "<root>/<file>#<qualname>", the key a target and a unit share. */
export function unitKey(file: string, qualname: string): string {
  return `${file}#${qualname}`;
}

/** Extracts the files with the product's extractor and clusters them with buildPatterns. */
export async function buildCorpus(roots: Record<Target["root"], string>, files: Array<Pick<Target, "root" | "file">>): Promise<Corpus> {
  const extractions: FileExtraction[] = [];
  for (const { root, file } of files) {
    const language = detectLanguage(file);
    if (!language) throw new Error(`not a source file: ${file}`);
    const source = readFileSync(path.join(roots[root], file), "utf8");
    try {
      extractions.push(await extractFile({ file: `${root}/${file}`, source, language }));
    } catch (error) {
      throw new Error(`extracting ${root}/${file}: ${(error as Error).message}`);
    }
  }
  const { patterns } = buildPatterns({ files: extractions });
  const units = extractions.flatMap((extraction) => extraction.units);
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  const patternOfUnit = new Map<string, number>();
  patterns.forEach((pattern, index) => {
    for (const occurrence of pattern.occurrences) patternOfUnit.set(unitKey(occurrence.file, occurrence.qualname), index);
  });
  return { units, patterns, patternOfUnit, unitsById };
}
