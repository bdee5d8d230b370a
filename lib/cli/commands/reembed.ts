import type { Command } from "commander";
import { z } from "zod";
import { MotifError } from "@/lib/errors";
import { parseOptions } from "../parse-options";

const reembedOptionsSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2-63 lowercase letters, digits and dashes"),
  json: z.boolean().default(false),
});

async function runReembed(rawOptions: unknown): Promise<void> {
  const options = parseOptions(reembedOptionsSchema, rawOptions);
  const [{ createEmbeddingProvider }, { requireOperatorProject }, { reembedNow }, { withDatabaseAccess }] =
    await Promise.all([import("@/lib/embed"), import("@/lib/operator"), import("@/lib/jobs"), import("../database-access")]);
  const embedder = createEmbeddingProvider();
  const showProgress = !options.json && process.stderr.isTTY === true;
  const result = await withDatabaseAccess({
    direct: async (database) => {
      const project = await requireOperatorProject({ database, slug: options.project });
      return reembedNow({
        database, projectId: project.id, embedder,
        onProgress: (progress) => showProgress && process.stderr.write(`\r\x1b[2Kre-embedding ${progress.processed}/${progress.total} patterns`),
      });
    },
    viaServer: () => {
      throw new MotifError("locked:data_dir", "motif serve owns the data dir and re-embeds by itself: at start-up and after each ingest, for every project another model embedded.");
    },
  });
  if (showProgress) process.stderr.write("\r\x1b[2K");
  if (options.json) return void process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.state === "current") return void process.stdout.write(`Every pattern of ${options.project} is embedded with ${result.model}\n`);
  if (result.state === "elsewhere") return void process.stdout.write(`Job ${result.job.id} is re-embedding ${options.project} in ${result.job.locked_by ?? "another worker"}\n`);
  const { outcome } = result;
  if (outcome.status !== "succeeded") {
    throw new MotifError("unavailable:embeddings", `re-embedding ${options.project} stopped (job ${outcome.job.id}, ${outcome.status}): ${outcome.error}`);
  }
  const done = outcome.result as { processed: number; total: number; model: string };
  process.stdout.write(`Re-embedded ${done.processed} of ${done.total} patterns of ${options.project} with ${done.model} (job ${outcome.job.id})\n`);
}

/** `motif reembed --project <slug>`: re-embed a project's patterns with the configured provider, now. */
export function registerReembedCommand(program: Command): void {
  program
    .command("reembed")
    .description("Re-embed a project's patterns that another embedding model made, with the configured provider (a job with progress; resumes where a stopped one left off)")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--json", "print the outcome as JSON")
    .action(runReembed);
}
