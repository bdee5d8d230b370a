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
  /** Where its first live occurrence stands (repository may be ""), to cluster nodes by file. */
  repository: string | null;
  file_path: string | null;
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
  /** The pattern whose neighbourhood this is, when one was asked for. */
  focus: string | null;
}

// Both ends current (latest version, not archived), the wanted types, this project.
const currentEdges = `from public.pattern_relationships r
  join public.patterns s on s.id = r.source_pattern_id and s.superseded_by is null and s.status <> 'archived'
  join public.patterns t on t.id = r.target_pattern_id and t.superseded_by is null and t.status <> 'archived'
  where r.project_id = $1 and r.relationship_type = any($2::text[])`;
const edgeColumns = "r.id, r.source_pattern_id as source, r.target_pattern_id as target, r.relationship_type, r.strength";

async function strongestEdges(transaction: Queryable, projectId: string, types: string[], limit: number): Promise<GraphEdge[]> {
  return transaction.query<GraphEdge>(`select ${edgeColumns} ${currentEdges} order by r.strength desc, r.id limit $3`, [projectId, types, limit]);
}

// Breadth first from the focus: each hop adds the strongest edges touching the patterns reached
// so far, until `depth` hops or `limit + 1` edges (the extra one only says more exist).
async function neighbourhoodEdges(transaction: Queryable, options: { projectId: string; types: string[]; focus: string; depth: number; limit: number }): Promise<GraphEdge[]> {
  const edges = new Map<string, GraphEdge>();
  let frontier = [options.focus];
  const reached = new Set(frontier);
  for (let hop = 0; hop < options.depth && frontier.length > 0 && edges.size <= options.limit; hop++) {
    const found = await transaction.query<GraphEdge>(
      `select ${edgeColumns} ${currentEdges}
         and (r.source_pattern_id = any($3::uuid[]) or r.target_pattern_id = any($3::uuid[]))
         and r.id <> all($4::uuid[])
       order by r.strength desc, r.id limit $5`,
      [options.projectId, options.types, frontier, [...edges.keys()], options.limit + 1 - edges.size],
    );
    const next: string[] = [];
    for (const edge of found) {
      edges.set(edge.id, edge);
      for (const end of [edge.source, edge.target].filter((id) => !reached.has(id))) {
        reached.add(end);
        next.push(end);
      }
    }
    frontier = next;
  }
  return [...edges.values()];
}

async function nodesByIds(transaction: Queryable, projectId: string, ids: string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  return transaction.query<GraphNode>(
    `select p.id, p.name, p.pattern_type, p.kind, p.language, p.quality_score, o.repository, o.file_path
     from public.patterns p
     left join lateral (
       select o.repository, o.file_path from public.pattern_occurrences o
       where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null
       order by o.repository, o.file_path, o.start_line limit 1
     ) o on true
     where p.project_id = $1 and p.id = any($2::uuid[]) order by p.name, p.id`,
    [projectId, ids],
  );
}

/**
 * The relationships between a project's current patterns (latest versions, not archived), and
 * the patterns at their ends: the strongest `maxEdges` of the project, or, with `focus`, the
 * neighbourhood of that pattern up to `depth` hops (the focus itself included even when it has
 * no relationship). RLS applies: a caller who is not in the project gets an empty graph.
 */
export async function getPatternGraphByProjectId({
  transaction,
  projectId,
  types,
  maxEdges,
  focus,
  depth = 1,
}: {
  transaction: Queryable;
  projectId: string;
  types: string[];
  maxEdges: number;
  focus?: string;
  depth?: number;
}): Promise<PatternGraph> {
  return translateDatabaseErrors(async () => {
    const edges = focus
      ? await neighbourhoodEdges(transaction, { projectId, types, focus, depth, limit: maxEdges })
      : await strongestEdges(transaction, projectId, types, maxEdges + 1);
    const kept = edges.slice(0, maxEdges);
    const ids = [...new Set([...(focus ? [focus] : []), ...kept.flatMap((edge) => [edge.source, edge.target])])];
    const nodes = await nodesByIds(transaction, projectId, ids);
    return { nodes, edges: kept, truncated: edges.length > maxEdges, focus: focus && nodes.some((node) => node.id === focus) ? focus : null };
  });
}
