import { countPatterns, listPatterns, type JwtClaims, type PatternListQuery, type Queryable } from "@/lib/db";
import { decodePatternCursor, encodePatternCursor } from "./pattern-cursor";
import { toPatternView, type PatternView } from "./pattern-view";
import { resolveProject } from "@/lib/projects";

/** The query of GET /api/v1/patterns once validated. */
export type PatternPageRequest = Omit<PatternListQuery, "projectId" | "after" | "offset"> & {
  project?: string;
  cursor?: string;
  /** A numbered page (1-based) instead of a cursor: what a page's URL can hold. */
  page?: number;
  /** Also count every pattern the filters match. */
  includeTotal?: boolean;
};

/** One page of patterns and the cursor of the next page (null on the last page). */
export interface PatternPage {
  patterns: PatternView[];
  next_cursor: string | null;
  /** Every pattern the filters match, when asked for (`include_total`). */
  total?: number;
}

/**
 * Lists the patterns the caller may see: of the named project, or of an API key's own project,
 * or of every project the user belongs to when none is named (RLS decides which rows those are).
 */
export async function listPatternPage({
  transaction,
  claims,
  request,
}: {
  transaction: Queryable;
  claims: JwtClaims;
  request: PatternPageRequest;
}): Promise<PatternPage> {
  const { project: reference, cursor, page: pageNumber, includeTotal, ...query } = request;
  const project =
    reference !== undefined || claims.api_key_id ? await resolveProject({ transaction, claims, reference }) : undefined;
  const after = cursor ? decodePatternCursor(cursor, { sort: query.sort, direction: query.direction }) : undefined;
  const offset = pageNumber !== undefined ? (pageNumber - 1) * query.limit : undefined;
  const rows = await listPatterns({ transaction, query: { ...query, projectId: project?.id, after, offset } });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > query.limit && last
      ? encodePatternCursor({ sort: query.sort, direction: query.direction, value: last.sort_value, id: last.id })
      : null;
  return {
    patterns: page.map(({ sort_value: _sortValue, ...row }) => toPatternView(row, { includeCode: false })),
    next_cursor,
    ...(includeTotal ? { total: await countPatterns({ transaction, query: { ...query, projectId: project?.id } }) } : {}),
  };
}
