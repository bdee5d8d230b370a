import picomatch from "picomatch";

// Folders that never hold a project's own source: dependencies, vendored copies, build
// output, caches and version-control metadata. Matched by folder name at any depth.
const skippedDirectoryNames = new Set([
  "node_modules",
  "bower_components",
  "vendor",
  "third_party",
  "site-packages",
  "dist",
  "build",
  ".next",
  "coverage",
  "__pycache__",
  ".git",
  ".hg",
  ".svn",
  ".venv",
  "venv",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
]);

// Declaration files describe code that lives elsewhere; `.min.js` files are build output.
const skippedFileName = /\.d\.[cm]?ts$|[.-]min\.[cm]?js$/i;

/** Why a folder is never searched (dependencies, vendored or generated code), or undefined. */
export function skippedDirectoryReason(name: string): string | undefined {
  return skippedDirectoryNames.has(name) ? `skipped folder ${name}` : undefined;
}

/** Why a file is skipped by its name alone (declaration or minified file), or undefined. */
export function skippedFileNameReason(name: string): string | undefined {
  if (!skippedFileName.test(name)) return undefined;
  return /\.d\.[cm]?ts$/i.test(name) ? "declaration file" : "minified file";
}

/** Tests a path (relative to the working directory, forward slashes) against globs. */
export type GlobMatcher = (relativePath: string) => boolean;

/**
 * Compiles `--include`/`--exclude` globs. A glob without a slash (`*.py`, `tests`) matches
 * the last path segment at any depth, as in .gitignore; one with a slash matches the
 * whole relative path (`src/**\/*.ts`).
 */
export function compileGlobs(globs: readonly string[]): GlobMatcher | undefined {
  if (globs.length === 0) return undefined;
  const matchers = globs.map((glob) => {
    const pattern = glob.replace(/^\.\//, "");
    return picomatch(pattern, { dot: true, basename: !pattern.includes("/") });
  });
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}

/**
 * Whether a repository path (forward slashes, from the repository root) is a file that folder
 * discovery would extract: a language Motif parses, outside skipped folders, not a declaration
 * or minified file. A GitHub tree listing is filtered with this, so a push ingests what
 * `motif ingest` of a checkout would (.gitignore needs no reading: a tree holds tracked files only).
 */
export function isExtractablePath(file: string, languageOf: (name: string) => unknown): boolean {
  const segments = file.split("/");
  const name = segments.pop() ?? "";
  if (!languageOf(name) || skippedFileNameReason(name)) return false;
  return segments.every((segment) => !skippedDirectoryReason(segment));
}
