import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { MotifError } from "@/lib/errors";
import type { ExtractionFailure, Language } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import { descendInto, gitignoreRulesAbove, isGitIgnored, type GitignoreRules } from "./gitignore-rules";
import { compileGlobs, skippedDirectoryReason, skippedFileNameReason, type GlobMatcher } from "./path-filters";

/** A source file to extract. */
export interface DiscoveredFile {
  /** Absolute path, for reading. */
  path: string;
  /** Relative to the working directory, forward slashes: the name used in every output. */
  file: string;
  language: Language;
}

/** What `discoverFiles` found: files in path order, and named files it cannot extract. */
export interface Discovery {
  files: DiscoveredFile[];
  failures: ExtractionFailure[];
}

export interface DiscoverFilesOptions {
  /** Files or folders, absolute or relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  /** Globs a file must match (any of them) to be kept; empty keeps all. */
  include?: readonly string[];
  /** Globs that drop a file or a whole folder. */
  exclude?: readonly string[];
}

interface Walk {
  cwd: string;
  include?: GlobMatcher;
  exclude?: GlobMatcher;
  found: Map<string, DiscoveredFile>;
  failures: ExtractionFailure[];
}

function relativeName(cwd: string, absolutePath: string): string {
  return path.relative(cwd, absolutePath).split(path.sep).join("/") || ".";
}

function keepFile(walk: Walk, absolutePath: string, name: string): void {
  const language = detectLanguage(name);
  if (!language || skippedFileNameReason(name)) return;
  const file = relativeName(walk.cwd, absolutePath);
  if (walk.include && !walk.include(file)) return;
  if (walk.exclude?.(file)) return;
  walk.found.set(file, { path: absolutePath, file, language });
}

async function walkFolder(walk: Walk, folder: string, inherited: GitignoreRules): Promise<void> {
  const gitignore = descendInto(inherited, folder);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // An unreadable folder is reported like an unreadable file; the rest is still searched.
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    walk.failures.push({ file: relativeName(walk.cwd, folder), reason: `cannot read folder (${code})` });
    return;
  }
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    // Symbolic links are not followed: they would visit code twice or loop.
    const absolutePath = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (skippedDirectoryReason(entry.name) || isGitIgnored(gitignore, absolutePath, true)) continue;
      if (walk.exclude?.(relativeName(walk.cwd, absolutePath))) continue;
      await walkFolder(walk, absolutePath, gitignore);
    } else if (entry.isFile() && !isGitIgnored(gitignore, absolutePath, false)) {
      keepFile(walk, absolutePath, entry.name);
    }
  }
}

async function statOrThrow(absolutePath: string, given: string) {
  try {
    return await stat(absolutePath);
  } catch {
    throw new MotifError("not_found:resource", `no such file or directory: ${given}`);
  }
}

/**
 * Finds the source files under the given files and folders, in a stable order (sorted by
 * relative path). Folders honour .gitignore files and skip dependencies, vendored and
 * build output, declaration and minified files. A file named explicitly is always taken
 * if Motif parses its language; otherwise it is reported as a failure.
 */
export async function discoverFiles(options: DiscoverFilesOptions): Promise<Discovery> {
  const failures: ExtractionFailure[] = [];
  const walk: Walk = { cwd: options.cwd, include: compileGlobs(options.include ?? []), exclude: compileGlobs(options.exclude ?? []), found: new Map(), failures };
  for (const given of options.paths) {
    const absolutePath = path.resolve(options.cwd, given);
    const info = await statOrThrow(absolutePath, given);
    if (info.isDirectory()) {
      await walkFolder(walk, absolutePath, gitignoreRulesAbove(absolutePath));
      continue;
    }
    const file = relativeName(options.cwd, absolutePath);
    const language = detectLanguage(absolutePath);
    if (language) walk.found.set(file, { path: absolutePath, file, language });
    else failures.push({ file, reason: "unsupported file type (Motif reads Python, TypeScript and JavaScript)" });
  }
  const files = [...walk.found.values()].sort((left, right) => compareText(left.file, right.file));
  return { files, failures };
}

/** Code-point order, independent of the locale, so every machine lists files alike. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
