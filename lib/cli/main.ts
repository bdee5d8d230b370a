import { CommanderError } from "commander";
import { describeDatabaseError, describeErrorCause, MotifError } from "@/lib/errors";
import { createProgram } from "./program";

/**
 * Runs the CLI; resolves to the exit code. Errors become one line on stderr, never a trace
 * unless MOTIF_DEBUG is set (then with what caused them: SQLSTATE, constraint, table).
 */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof MotifError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`motif: ${message}\n`);
    // A driver's error that reached here unmapped is its own cause: its SQLSTATE and constraint.
    const cause = describeErrorCause(error) ?? describeDatabaseError(error);
    if (process.env.MOTIF_DEBUG) {
      if (cause) process.stderr.write(`motif: cause: ${cause}\n`);
      if (error instanceof Error) process.stderr.write(`${error.stack}\n`);
    } else if (cause) {
      process.stderr.write("motif: set MOTIF_DEBUG=1 to see the cause\n");
    }
    return 1;
  }
}
