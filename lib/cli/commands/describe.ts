import type { Command } from "commander";
import { z } from "zod";
import type { Database } from "@/lib/db";
import type { DescribeProgress } from "@/lib/describe";
import { MotifError } from "@/lib/errors";
import { parseOptions } from "../parse-options";

const describeOptionsSchema = z.object({
  project: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  json: z.boolean().default(false),
});

/** What `motif describe` did: ran the job here, or queued it in the server. */
export type DescribeAnswer = { job_id: string; state: "ran" | "queued" | "elsewhere"; progress?: DescribeProgress };

function progressLine(progress: DescribeProgress): string {
  return `describing ${progress.processed}/${progress.total} patterns (${progress.local} local, ${progress.commercial} commercial, $${progress.cost_usd.toFixed(6)}${progress.failed ? `, ${progress.failed} failed` : ""})`;
}

/** `motif describe`'s answer in a sentence or three. */
export function describeSummary(slug: string, answer: DescribeAnswer): string {
  if (answer.state !== "ran" || !answer.progress) return `Job ${answer.job_id} describes ${slug}'s patterns in the server (motif serve); follow it on the project's Ingest page.`;
  const { progress } = answer;
  const lines = [`Described ${progress.described} of ${progress.total} patterns of ${slug} (${progress.local} by the local model, ${progress.commercial} by a commercial one, $${progress.cost_usd.toFixed(6)}; job ${answer.job_id})`];
  if (progress.failed > 0) lines.push(`${progress.failed} failed; the last: ${progress.errors.at(-1)}`);
  if (progress.stopped) lines.push(`Stopped: ${progress.stopped}`);
  return lines.join("\n");
}

/**
 * Describes a project's patterns in this process (the data dir is ours): a `describe` job run
 * to the end. No provider configured, or the job failing, is a MotifError saying so.
 */
export async function describeDirect({ database, slug, limit, onProgress }: { database: Database; slug: string; limit: number; onProgress?: (progress: DescribeProgress) => void }): Promise<DescribeAnswer> {
  const [{ asService, getOperatorProjectBySlug }, { createEmbeddingProvider }, { describeNow }, { createConfiguredRouter, noLlmProviderMessage }] = await Promise.all([
    import("@/lib/db"), import("@/lib/embed"), import("@/lib/jobs"), import("@/lib/llm"),
  ]);
  const router = createConfiguredRouter(database);
  if (!router.configured) throw new MotifError("not_configured:llm", `motif describe: ${noLlmProviderMessage}`);
  const project = await asService(database, (transaction) => getOperatorProjectBySlug({ transaction, slug }));
  if (!project) throw new MotifError("not_found:resource", `no project "${slug}"`);
  const result = await describeNow({ database, projectId: project.id, limit, embedder: createEmbeddingProvider(), router, onProgress });
  if (result.state === "elsewhere") return { job_id: result.job.id, state: "elsewhere" };
  if (result.outcome.status !== "succeeded") throw new MotifError("unavailable:llm", `describing ${slug} stopped (job ${result.outcome.job.id}, ${result.outcome.status}): ${result.outcome.error}`);
  return { job_id: result.outcome.job.id, state: "ran", progress: result.outcome.result as DescribeProgress };
}

/** Asks the server that owns the data dir to describe a project's patterns: it queues the job its worker runs. */
export async function describeViaServer(fetchOwner: (path: string, init?: RequestInit) => Promise<Response>, slug: string, limit: number): Promise<DescribeAnswer> {
  const body = JSON.stringify({ project: slug, limit });
  const { job } = (await (await fetchOwner("/api/operator/describe", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as { job: { id: string } };
  return { job_id: job.id, state: "queued" };
}

async function runDescribe(rawOptions: unknown): Promise<void> {
  const options = parseOptions(describeOptionsSchema, rawOptions);
  const { withDatabaseAccess } = await import("../database-access");
  const showProgress = !options.json && process.stderr.isTTY === true;
  const answer = await withDatabaseAccess<DescribeAnswer>({
    direct: (database) => describeDirect({
      database, slug: options.project, limit: options.limit,
      onProgress: (progress) => showProgress && process.stderr.write(`\r\x1b[2K${progressLine(progress)}`),
    }),
    viaServer: (fetchOwner) => describeViaServer(fetchOwner, options.project, options.limit),
  });
  if (showProgress) process.stderr.write("\r\x1b[2K");
  process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${describeSummary(options.project, answer)}\n`);
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
