import { CommanderError } from "commander";
import { MotifError } from "@/lib/errors";
import { createProgram } from "./program";

/** Runs the CLI; resolves to the exit code. Errors become one line on stderr, never a trace. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof MotifError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`motif: ${message}\n`);
    if (process.env.MOTIF_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
