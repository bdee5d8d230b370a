import type { Command } from "commander";

/** Adds every subcommand to the program; each lives in its own file in this folder. */
export function registerCommands(program: Command): void {
  void program;
}
