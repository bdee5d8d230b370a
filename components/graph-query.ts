import type { ClusterBy } from "./graph-flow";
import { relationshipTypes } from "./pattern-vocabulary";
import { realtimeQueryKeys } from "./query-keys";

/** What the graph page shows, kept in its URL so that a view can be shared and survives Back. */
export interface GraphView {
  /** The pattern whose neighbourhood is drawn; none draws the project's strongest relationships. */
  focus?: string;
  depth: number;
  cluster: ClusterBy;
  types: string[];
}

export const allRelationshipTypes: string[] = relationshipTypes.map((type) => type.value);
const clusterValues: ClusterBy[] = ["none", "file", "kind"];
/** Edges drawn without a focus: enough to see the project's hubs, few enough to read. */
const overviewEdges = 60;
/** Edges drawn around a focus. */
const neighbourhoodEdges = 120;

/** The graph view a URL's query holds (anything unknown falls back to the defaults). */
export function readGraphView(params: URLSearchParams): GraphView {
  const depth = Number(params.get("depth"));
  const cluster = params.get("cluster") as ClusterBy | null;
  const types = params.get("types")?.split(",").filter((type) => allRelationshipTypes.includes(type));
  return {
    focus: params.get("focus") || undefined,
    depth: depth >= 1 && depth <= 3 ? depth : 1,
    cluster: cluster && clusterValues.includes(cluster) ? cluster : "file",
    types: types ?? allRelationshipTypes,
  };
}

/** `GET /api/v1/projects/<slug>/graph`'s query for a view. */
export function graphQuery(view: GraphView): URLSearchParams {
  const query = new URLSearchParams({ types: view.types.join(","), limit: String(view.focus ? neighbourhoodEdges : overviewEdges) });
  if (view.focus) {
    query.set("focus", view.focus);
    query.set("depth", String(view.depth));
  }
  return query;
}

/** The cache key of a view's graph, shared by the page (which reads with it) and the server (which fills it first). */
export function graphQueryKey(slug: string, view: GraphView) {
  return [...realtimeQueryKeys.graph(slug), graphQuery(view).toString()] as const;
}
