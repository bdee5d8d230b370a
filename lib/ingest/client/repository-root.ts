import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The root of the git repository that holds `start` (the nearest folder with a `.git` folder
 * or file, as in a worktree or submodule), or undefined outside any repository. Occurrence
 * paths are relative to it, so the folder `motif ingest` runs in does not change them.
 */
export function findRepositoryRoot(start: string): string | undefined {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, ".git"))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}
