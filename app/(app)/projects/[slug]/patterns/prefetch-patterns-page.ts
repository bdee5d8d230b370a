import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { headers } from "next/headers";
import { listPatternsQueryRefined, toPatternPageRequest } from "@/app/api/v1/patterns/schema";
import { patternListKeys, patternPageQuery, readPatternListUrl } from "@/components/pattern-list-query";
import { getPageClaims } from "@/lib/auth";
import { readPatternsPage } from "@/lib/patterns";

/** What the wire carries: the API's JSON, so the cache holds the same shapes as after a fetch. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The patterns page's first reads, made on the server in one transaction under the caller's RLS
 * exactly as `GET /api/v1/patterns` (with its total), `…/patterns/occurrence-counts` and
 * `…/repositories` answer them, as a react-query cache to hydrate: the rows are in the page's
 * HTML and the table needs no round trip after hydration. Null when the URL's filters do not
 * parse or a read fails: the table then asks the API itself and shows its error.
 */
export async function prefetchPatternsPage(slug: string, search: Record<string, string | string[] | undefined>): Promise<DehydratedState | null> {
  const claims = await getPageClaims(await headers());
  if (!claims) return null;
  const { filters, page } = readPatternListUrl((key) => [search[key]].flat()[0]);
  const parsed = listPatternsQueryRefined.safeParse(Object.fromEntries(patternPageQuery(slug, filters, page)));
  if (!parsed.success) return null;
  try {
    const reads = await readPatternsPage({ claims, slug, request: toPatternPageRequest(parsed.data) });
    const cache = new QueryClient();
    cache.setQueryData(patternListKeys.page(slug, filters, page), asJson(reads.list));
    if (reads.counts) cache.setQueryData(patternListKeys.occurrenceCounts(slug, reads.ids), asJson(reads.counts));
    cache.setQueryData(patternListKeys.repositories(slug), asJson(reads.repositories));
    return dehydrate(cache);
  } catch {
    return null;
  }
}
