import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { headers } from "next/headers";
import { graphQuerySchema } from "@/app/api/v1/projects/[slug]/graph/schema";
import { graphQuery, graphQueryKey, readGraphView } from "@/components/graph-query";
import { getPageClaims } from "@/lib/auth";
import { readPatternGraph } from "@/lib/patterns";

/**
 * The graph the page's URL names, read on the server under the caller's RLS exactly as
 * `GET /api/v1/projects/<slug>/graph` answers it, as a react-query cache to hydrate: the page
 * lays it out as soon as its scripts run, with no round trip first. Null when the URL's view
 * does not parse or the read fails: the page then asks the API itself and shows its error.
 */
export async function prefetchGraphPage(slug: string, search: Record<string, string | string[] | undefined>): Promise<DehydratedState | null> {
  const claims = await getPageClaims(await headers());
  if (!claims) return null;
  const url = new URLSearchParams(Object.entries(search).flatMap(([key, value]) => (value === undefined ? [] : [[key, [value].flat()[0]]])));
  const view = readGraphView(url);
  if (view.types.length === 0) return null;
  const parsed = graphQuerySchema.safeParse(Object.fromEntries(graphQuery(view)));
  if (!parsed.success) return null;
  try {
    const graph = await readPatternGraph({ claims, slug, query: parsed.data });
    const cache = new QueryClient();
    cache.setQueryData(graphQueryKey(slug, view), JSON.parse(JSON.stringify(graph)));
    return dehydrate(cache);
  } catch {
    return null;
  }
}
