import type { Command } from "commander";
import { z } from "zod";
import type { CostsReport } from "@/lib/domain";
import { parseOptions } from "../parse-options";

const costsOptionsSchema = z.object({
  project: z.string().min(1),
  days: z.coerce.number().int().min(1).max(366).default(30),
  json: z.boolean().default(false),
});

async function runCosts(rawOptions: unknown): Promise<void> {
  const options = parseOptions(costsOptionsSchema, rawOptions);
  const [{ costsAsOperator, formatCostsReport }, { withDatabaseAccess }] = await Promise.all([import("@/lib/llm"), import("../database-access")]);
  const report = await withDatabaseAccess<CostsReport>({
    direct: (database) => costsAsOperator({ database, slug: options.project, days: options.days }),
    viaServer: async (fetchOwner) => {
      const body = JSON.stringify({ project: options.project, days: options.days });
      return (await (await fetchOwner("/api/operator/costs", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as CostsReport;
    },
  });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatCostsReport(report)}\n`);
}

/** `motif costs --project <slug> [--days N] [--json]`: what a project's LLM calls cost. */
export function registerCostsCommand(program: Command): void {
  program
    .command("costs")
    .description("What a project's LLM calls cost over the last days: by provider and model, with the budget")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--days <n>", "days back, today included (1-366)", "30")
    .option("--json", "print {total_usd, calls, by_provider, by_day, by_task, budget} as JSON")
    .action(runCosts);
}
