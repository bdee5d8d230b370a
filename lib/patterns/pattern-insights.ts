import { countOccurrencesByPatternIds, getPatternGraphByProjectId, getProjectInsightsByProjectId, type Project, type Queryable } from "@/lib/db";
import type { RelationshipType } from "@/lib/domain";

/** The aggregates the insights page charts, over the last `days` days of usage. */
export function getPatternInsights({ transaction, project, days }: { transaction: Queryable; project: Project; days: number }) {
  return getProjectInsightsByProjectId({ transaction, projectId: project.id, days });
}

/** The relationships of these types between a project's current patterns, and those patterns. */
export function getPatternGraph(options: { transaction: Queryable; project: Project; types: RelationshipType[]; maxEdges: number }) {
  return getPatternGraphByProjectId({ transaction: options.transaction, projectId: options.project.id, types: options.types, maxEdges: options.maxEdges });
}

/** How many live places in the code each of these patterns stands in (RLS applies; unknown ids count 0). */
export function countPatternOccurrences({ transaction, patternIds }: { transaction: Queryable; patternIds: string[] }): Promise<Record<string, number>> {
  return countOccurrencesByPatternIds({ transaction, patternIds });
}
