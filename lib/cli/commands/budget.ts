import type { Command } from "commander";
import { z } from "zod";
import type { LlmBudget } from "@/lib/domain";
import { parseOptions } from "../parse-options";

// "none" clears a limit; a number sets it.
const limit = z
  .string()
  .transform((value) => (value.trim().toLowerCase() === "none" ? null : Number(value)))
  .pipe(z.number({ error: 'use a number of US dollars, or "none"' }).min(0).max(1_000_000).nullable())
  .optional();

const budgetOptionsSchema = z.object({
  project: z.string().min(1),
  dailyUsd: limit,
  monthlyUsd: limit,
  json: z.boolean().default(false),
});

type BudgetAnswer = { project: { id: string; slug: string }; budget: LlmBudget };

async function runBudget(rawOptions: unknown): Promise<void> {
  const options = parseOptions(budgetOptionsSchema, rawOptions);
  const update = { ...(options.dailyUsd !== undefined ? { daily_usd: options.dailyUsd } : {}), ...(options.monthlyUsd !== undefined ? { monthly_usd: options.monthlyUsd } : {}) };
  const [{ budgetAsOperator, formatBudget }, { withDatabaseAccess }] = await Promise.all([import("@/lib/llm"), import("../database-access")]);
  const answer = await withDatabaseAccess<BudgetAnswer>({
    direct: (database) => budgetAsOperator({ database, slug: options.project, update }),
    viaServer: async (fetchOwner) => {
      const body = JSON.stringify({ project: options.project, ...update });
      return (await (await fetchOwner("/api/operator/budget", { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as BudgetAnswer;
    },
  });
  process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `LLM budget of ${answer.project.slug}\n${formatBudget(answer.budget)}\n`);
}

/** `motif budget --project <slug> [--daily-usd X] [--monthly-usd Y]`: shows or sets a project's LLM budget. */
export function registerBudgetCommand(program: Command): void {
  program
    .command("budget")
    .description("Show or set a project's LLM budget: commercial calls stop when the day's or month's (UTC) would be exceeded")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--daily-usd <usd>", 'most to spend per UTC day ("none" clears it)')
    .option("--monthly-usd <usd>", 'most to spend per UTC month ("none" clears it)')
    .option("--json", "print JSON")
    .action(runBudget);
}
