import path from "node:path";

/**
 * The folder Motif is installed in (where `supabase/` lives). `bin/motif` sets MOTIF_HOME so
 * that commands run from any working directory; tests and `next dev` run from the root.
 */
export function motifHome(): string {
  // A run-time folder, not one of the app's files: Turbopack must not trace the project from it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.MOTIF_HOME ?? process.cwd());
}
