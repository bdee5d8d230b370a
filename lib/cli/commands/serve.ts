import type { Command } from "commander";
import { z } from "zod";
import { getEnvironment } from "@/lib/env";
import { parseOptions } from "../parse-options";

const serveOptionsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65535),
  hostname: z.string().min(1),
});

/** `motif serve`: the dashboard, the HTTP API and the edge functions in one process. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Start Motif's web app and API (builds it first when needed)")
    .option("-p, --port <port>", "port to listen on", process.env.PORT ?? "3000")
    .option("-H, --hostname <host>", "interface to listen on (0.0.0.0: every interface; default MOTIF_HOST or 127.0.0.1)")
    .action(async (rawOptions) => {
      const options = parseOptions(serveOptionsSchema, { ...rawOptions, hostname: rawOptions.hostname ?? getEnvironment().MOTIF_HOST });
      // Loaded on use: Next.js is heavy, and every other command would pay for it at start-up.
      const { startServer } = await import("@/lib/server");
      const server = await startServer(options);
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      process.stderr.write(`motif: ${signal}: stopping (a second signal stops at once)\n`);
      await stopWithin(server.stop, hardDeadlineMs);
    });
}

// The stop itself is budgeted to ~8 s; past this, the process leaves anyway (the lock file goes
// with it: the lock is released on exit).
const hardDeadlineMs = 9_500;

/**
 * Runs the clean stop, but never lets the process outlive `deadlineMs` or a second signal; once
 * stopped, whatever a library left scheduled (Next.js keeps timers) gets one second to end.
 */
async function stopWithin(stop: () => Promise<void>, deadlineMs: number): Promise<void> {
  const force = (code: number, why: string) => {
    process.stderr.write(`motif: ${why}; exiting now\n`);
    process.exit(code);
  };
  const timer = setTimeout(() => force(1, `not stopped after ${deadlineMs / 1000} s`), deadlineMs);
  const again = () => force(130, "second signal");
  process.once("SIGINT", again);
  process.once("SIGTERM", again);
  try {
    await stop();
  } finally {
    clearTimeout(timer);
    setTimeout(() => process.exit(), 1_000).unref();
  }
}
