import type { CodeUnit, FileExtraction } from "@/lib/domain";

// Modules every program calls for its own bookkeeping: calling them adapts nothing.
const utilityModules = new Set([
  "abc", "array", "base64", "binascii", "bisect", "builtins", "calendar", "codecs", "collections", "contextlib", "copy", "dataclasses",
  "datetime", "decimal", "enum", "errno", "fnmatch", "fractions", "functools", "gettext", "glob", "hashlib", "heapq", "inspect", "io",
  "itertools", "json", "locale", "logging", "math", "numbers", "operator", "os", "pathlib", "pickle", "platform", "pprint", "queue",
  "random", "re", "shutil", "signal", "string", "struct", "sys", "tempfile", "textwrap", "threading", "time", "traceback", "types",
  "typing", "typing_extensions", "uuid", "warnings", "weakref", "util", "path", "assert", "node:util", "node:path", "node:assert",
]);

/** The top-level module of an import value (`pycares`, `node:net`, `@scope/pkg`), or undefined for a relative one. */
function moduleRoot(value: string): string | undefined {
  if (value.startsWith(".")) return undefined;
  if (value.startsWith("@")) return value.split("/").slice(0, 2).join("/");
  return value.split(/[./]/)[0];
}

/**
 * The library modules a unit calls into (`pycares.Channel(...)`, `asyncio.get_running_loop()`):
 * a call whose first name is imported from a module outside the repository (`ownRoots`: the
 * top-level folders and modules of the repository's files) and not a utility module.
 */
export function calledLibraries(unit: CodeUnit, file: FileExtraction, ownRoots: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const call of unit.calls) {
    const head = call.replace(/^new\s+/, "").split(/[.(]/)[0];
    if (!Object.hasOwn(file.imports, head)) continue;
    const root = moduleRoot(file.imports[head]);
    if (root && !ownRoots.has(root) && !utilityModules.has(root)) found.add(root);
  }
  return [...found];
}

/** The names a repository's own modules start with: the first segment of each file's path and each file's module name. */
export function ownModuleRoots(files: readonly FileExtraction[]): Set<string> {
  const roots = new Set<string>();
  for (const file of files) {
    const segments = file.file.split("/");
    for (const segment of segments) roots.add(segment.replace(/\.(py|[cm]?[jt]sx?)$/, ""));
  }
  return roots;
}
