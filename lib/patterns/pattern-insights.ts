import { countOccurrencesByPatternIds, listRepositoriesByPatternIds, getPatternGraphByProjectId, getProjectInsightsByProjectId, listProjectRepositories, type Project, type Queryable } from "@/lib/db";
import type { RelationshipType } from "@/lib/domain";

/** The aggregates the insights page charts, over the last `days` days of usage. */
export function getPatternInsights({ transaction, project, days }: { transaction: Queryable; project: Project; days: number }) {
  return getProjectInsightsByProjectId({ transaction, projectId: project.id, days });
}

/**
 * The relationships of these types between a project's current patterns, and those patterns;
 * with `focus`, only that pattern's neighbourhood `depth` steps out.
 */
export function getPatternGraph({ project, ...options }: { transaction: Queryable; project: Project; types: RelationshipType[]; maxEdges: number; focus?: string; depth?: number }) {
  return getPatternGraphByProjectId({ ...options, projectId: project.id });
}

/** How many live places in the code each of these patterns stands in (RLS applies; unknown ids count 0). */
export function countPatternOccurrences({ transaction, patternIds }: { transaction: Queryable; patternIds: string[] }): Promise<Record<string, number>> {
  return countOccurrencesByPatternIds({ transaction, patternIds });
}

/** The repositories each of these patterns has live occurrences in (RLS applies; unknown ids are left out). */
export function listPatternRepositories({ transaction, patternIds }: { transaction: Queryable; patternIds: string[] }) {
  return listRepositoriesByPatternIds({ transaction, patternIds });
}

/** The repositories ingested into a project (as its occurrences name them), with how many current patterns stand in each. */
export function listRepositoriesOfProject({ transaction, project }: { transaction: Queryable; project: Project }) {
  return listProjectRepositories({ transaction, projectId: project.id });
}
