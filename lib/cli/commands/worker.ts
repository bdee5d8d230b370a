import type { Command } from "commander";
import { z } from "zod";
import { MotifError } from "@/lib/errors";
import { parseOptions } from "../parse-options";

const workerOptionsSchema = z.object({
  once: z.boolean().default(false),
  pollMs: z.coerce.number().int().min(100).max(600_000),
});

/** `motif worker`: runs queued jobs (re-embedding) until stopped, or once with `--once`. */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("Run queued background jobs (re-embedding after a provider change, GitHub webhook work); fails jobs whose process died")
    .option("--once", "run what is queued now, then exit")
    .option("--poll-ms <ms>", "pause between looks at an empty queue", "5000")
    .action(async (rawOptions) => {
      const options = parseOptions(workerOptionsSchema, rawOptions);
      const [{ createEmbeddingProvider }, { describeWorkerEvent, drainJobs, startJobWorker }, { withDatabaseAccess }, { startEmbeddedMaintenance }, { gitHubJobHandlers: handlers }] =
        await Promise.all([import("@/lib/embed"), import("@/lib/jobs"), import("../database-access"), import("@/lib/db"), import("@/lib/github")]);
      const embedder = createEmbeddingProvider();
      const report = (event: Parameters<typeof describeWorkerEvent>[0]) => {
        const line = describeWorkerEvent(event);
        if (line) process.stdout.write(`${new Date().toISOString()} ${line}\n`);
      };
      await withDatabaseAccess({
        direct: async (database) => {
          if (options.once) return void (await drainJobs({ database, embedder, handlers, enqueueReembeds: true, onEvent: report }));
          const worker = startJobWorker({ database, embedder, handlers, pollMs: options.pollMs, onEvent: report, onError: (error) => process.stderr.write(`motif worker: ${error.message}\n`) });
          // Embedded, this process owns the data dir for as long as it runs, and serves no requests.
          const maintenance = database.driver === "pglite"
            ? startEmbeddedMaintenance({
              database, lastRequestAt: () => Number.NEGATIVE_INFINITY,
              onLog: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
              onError: (error) => process.stderr.write(`motif worker: maintenance: ${error.message}\n`),
            })
            : undefined;
          await new Promise<void>((resolve) => {
            process.once("SIGINT", resolve);
            process.once("SIGTERM", resolve);
          });
          await Promise.all([worker.stop(), maintenance?.stop()]);
        },
        viaServer: () => {
          throw new MotifError("locked:data_dir", "motif serve owns the data dir and runs its jobs itself; stop it to run a separate worker.");
        },
      });
    });
}
