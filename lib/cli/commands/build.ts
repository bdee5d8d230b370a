import type { Command } from "commander";

/**
 * `motif build`: builds the web app now when its production build is missing or older than the
 * sources, and does nothing otherwise. `npm install` runs it (package.json's postinstall), so
 * that the first `npm start` serves at once instead of building first.
 */
export function registerBuildCommand(program: Command): void {
  program
    .command("build")
    .description("Build the web app when its build is missing or out of date (npm install runs it; npm start would otherwise)")
    .action(async () => {
      // Loaded on use, as `motif serve` does: Next.js is heavy.
      const [{ ensureBuild }, { motifHome }] = await Promise.all([import("@/lib/server"), import("@/lib/db")]);
      await ensureBuild(motifHome());
    });
}
