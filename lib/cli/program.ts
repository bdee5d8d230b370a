import { Command } from "commander";
import { registerCommands } from "./commands";

/** Builds the `motif` command tree. Every command has `--help`. */
export function createProgram(): Command {
  const program = new Command("motif")
    .description("Pattern intelligence for software teams: find, score and serve your code's real patterns.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerCommands(program);
  return program;
}
