import type { Command } from "commander";
import { z } from "zod";
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
    .option("-H, --hostname <host>", "interface to listen on", "0.0.0.0")
    .action(async (rawOptions) => {
      const options = parseOptions(serveOptionsSchema, rawOptions);
      // Loaded on use: Next.js is heavy, and every other command would pay for it at start-up.
      const { startServer } = await import("../serve/start-server");
      const server = await startServer(options);
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
