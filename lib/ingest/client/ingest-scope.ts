import path from "node:path";

/**
 * The scope of an ingest as occurrence path prefixes: each path given, relative to the
 * working directory with forward slashes ("" for the directory itself: everything).
 */
export function ingestScope(paths: readonly string[], cwd: string): string[] {
  return paths.map((given) => path.relative(cwd, path.resolve(cwd, given)).split(path.sep).join("/"));
}
