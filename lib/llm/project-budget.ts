import { getLlmBudgetByProjectId, upsertLlmBudgetByProjectId, type Project, type Queryable } from "@/lib/db";
import type { BudgetUpdate, LlmBudget } from "@/lib/domain";
import { MotifError } from "@/lib/errors";

/** A project's budget and spend, read as the caller (RLS: the project's members). */
export async function readProjectBudget({ transaction, project }: { transaction: Queryable; project: Project }): Promise<LlmBudget> {
  return getLlmBudgetByProjectId({ transaction, projectId: project.id });
}

/** Sets a project's budget as the caller: admins only (a 403 says so first), as the schema's policies have it. */
export async function setProjectBudget({ transaction, project, update }: { transaction: Queryable; project: Project; update: BudgetUpdate }): Promise<LlmBudget> {
  if (project.role !== "admin") throw new MotifError("forbidden:auth", "only project admins set the LLM budget");
  await upsertLlmBudgetByProjectId({ transaction, projectId: project.id, update });
  return getLlmBudgetByProjectId({ transaction, projectId: project.id });
}
