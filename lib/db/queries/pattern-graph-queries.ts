import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";

/** A pattern drawn as a node of the relationship graph. */
export interface GraphNode {
  id: string;
  name: string;
  pattern_type: string;
  kind: string | null;
  language: string | null;
  quality_score: number | null;
}

/** A relationship drawn as an edge. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relationship_type: "USES" | "EXTENDS" | "COMPOSED_OF" | "SIMILAR_TO";
  strength: number;
}

/** A project's relationship graph: its edges and the patterns they join. */
export interface PatternGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the project has more edges than one graph draws (`maxEdges`). */
  truncated: boolean;
}

/**
 * The relationships between a project's current patterns (latest versions, not archived),
 * strongest first up to `maxEdges`, and the patterns at their ends. RLS applies: a caller who
 * is not in the project gets an empty graph.
 */
export async function getPatternGraphByProjectId({
  transaction,
  projectId,
  types,
  maxEdges,
}: {
  transaction: Queryable;
  projectId: string;
  types: string[];
  maxEdges: number;
}): Promise<PatternGraph> {
  return translateDatabaseErrors(async () => {
    const edges = await transaction.query<GraphEdge>(
      `select r.id, r.source_pattern_id as source, r.target_pattern_id as target, r.relationship_type, r.strength
       from public.pattern_relationships r
       join public.patterns s on s.id = r.source_pattern_id and s.superseded_by is null and s.status <> 'archived'
       join public.patterns t on t.id = r.target_pattern_id and t.superseded_by is null and t.status <> 'archived'
       where r.project_id = $1 and r.relationship_type = any($2::text[])
       order by r.strength desc, r.id limit $3`,
      [projectId, types, maxEdges + 1],
    );
    const kept = edges.slice(0, maxEdges);
    const ids = [...new Set(kept.flatMap((edge) => [edge.source, edge.target]))];
    const nodes =
      ids.length === 0
        ? []
        : await transaction.query<GraphNode>(
            `select p.id, p.name, p.pattern_type, p.kind, p.language, p.quality_score
             from public.patterns p where p.id = any($1::uuid[]) order by p.name, p.id`,
            [ids],
          );
    return { nodes, edges: kept, truncated: edges.length > maxEdges };
  });
}
