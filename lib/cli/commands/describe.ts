import type { Command } from "commander";
import { z } from "zod";
import type { DescribeProgress } from "@/lib/describe";
import { MotifError } from "@/lib/errors";
import { parseOptions } from "../parse-options";

const describeOptionsSchema = z.object({
  project: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  json: z.boolean().default(false),
});

type DescribeAnswer = { job_id: string; state: "ran" | "queued" | "elsewhere"; progress?: DescribeProgress };

function progressLine(progress: DescribeProgress): string {
  return `describing ${progress.processed}/${progress.total} patterns (${progress.local} local, ${progress.commercial} commercial, $${progress.cost_usd.toFixed(6)}${progress.failed ? `, ${progress.failed} failed` : ""})`;
}

function summary(slug: string, answer: DescribeAnswer): string {
  if (answer.state !== "ran" || !answer.progress) return `Job ${answer.job_id} describes ${slug}'s patterns in the server (motif serve); follow it on the project's Ingest page.`;
  const { progress } = answer;
  const lines = [`Described ${progress.described} of ${progress.total} patterns of ${slug} (${progress.local} by the local model, ${progress.commercial} by a commercial one, $${progress.cost_usd.toFixed(6)}; job ${answer.job_id})`];
  if (progress.failed > 0) lines.push(`${progress.failed} failed; the last: ${progress.errors.at(-1)}`);
  if (progress.stopped) lines.push(`Stopped: ${progress.stopped}`);
  return lines.join("\n");
}

async function runDescribe(rawOptions: unknown): Promise<void> {
  const options = parseOptions(describeOptionsSchema, rawOptions);
  const [{ requireOperatorProject }, { createEmbeddingProvider }, { describeNow }, { createConfiguredRouter, noLlmProviderMessage }, { withDatabaseAccess }] = await Promise.all([
    import("@/lib/operator"), import("@/lib/embed"), import("@/lib/jobs"), import("@/lib/llm"), import("../database-access"),
  ]);
  const showProgress = !options.json && process.stderr.isTTY === true;
  const answer = await withDatabaseAccess<DescribeAnswer>({
    direct: async (database) => {
      const router = createConfiguredRouter(database);
      if (!router.configured) throw new MotifError("unavailable:llm", `motif describe: ${noLlmProviderMessage}`);
      const project = await requireOperatorProject({ database, slug: options.project });
      const result = await describeNow({
        database, projectId: project.id, limit: options.limit, embedder: createEmbeddingProvider(), router,
        onProgress: (progress) => showProgress && process.stderr.write(`\r\x1b[2K${progressLine(progress)}`),
      });
      if (result.state === "elsewhere") return { job_id: result.job.id, state: "elsewhere" };
      if (result.outcome.status !== "succeeded") throw new MotifError("unavailable:llm", `describing ${options.project} stopped (job ${result.outcome.job.id}, ${result.outcome.status}): ${result.outcome.error}`);
      return { job_id: result.outcome.job.id, state: "ran", progress: result.outcome.result as DescribeProgress };
    },
    viaServer: async (fetchOwner) => {
      const body = JSON.stringify({ project: options.project, limit: options.limit });
      const { job } = (await (await fetchOwner("/api/operator/describe", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as { job: { id: string } };
      return { job_id: job.id, state: "queued" };
    },
  });
  if (showProgress) process.stderr.write("\r\x1b[2K");
  process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${summary(options.project, answer)}\n`);
}

/** `motif describe --project <slug> [--limit N] [--json]`: a model names and describes the project's patterns. */
export function registerDescribeCommand(program: Command): void {
  program
    .command("describe")
    .description("Have a language model name and describe a project's patterns and judge their detected kind (a job with progress; routed local or commercial under the budget)")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("-n, --limit <n>", "most patterns to describe (1-10000)", "50")
    .option("--json", "print the job's result as JSON")
    .action(runDescribe);
}
