import type { PatternSortField, PatternStatus } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";
import { patternColumns, type PatternRow } from "./pattern-queries";

/** One key of a list's order: a non-null SQL expression and the type that casts a cursor's value back. */
interface SortKey {
  expression: string;
  type: string;
}

/** Active and pending patterns before deprecated ones, archived last (DESIGN §4: those never lead a list). */
export const statusRankExpression = `(case p.status when 'active' then 3 when 'pending' then 2 when 'deprecated' then 1 else 0 end)`;

/** What leads a list (DESIGN §4): a design pattern or a shape that recurs, 1; a one-off unit, 0. */
export const leadsListExpression = `(case when p.kind is not null or p.recurring then 1 else 0 end)`;

// Each sort key is a non-null expression (unknown scores sort as -1: last when descending), so
// that keyset pagination over (keys, id) never meets a null.
const sortKeys: Record<PatternSortField, SortKey[]> = {
  prominence: [{ expression: leadsListExpression, type: "integer" }, { expression: "coalesce(p.prominence, -1)", type: "double precision" }],
  quality_score: [{ expression: "coalesce(p.quality_score, -1)", type: "double precision" }],
  success_rate: [{ expression: "coalesce(p.success_rate, -1)", type: "double precision" }],
  usage_count: [{ expression: "p.usage_count", type: "integer" }],
  match_count: [{ expression: "p.match_count", type: "integer" }],
  created_at: [{ expression: "p.created_at", type: "timestamptz" }],
  updated_at: [{ expression: "p.updated_at", type: "timestamptz" }],
  name: [{ expression: "p.name", type: "text" }],
};

/**
 * The keys of one order: the status rank first in every order (negated when ascending, so
 * active patterns still come first), then the sort's own keys in the asked direction.
 */
function orderKeys(sort: PatternSortField, direction: "asc" | "desc"): SortKey[] {
  const status = { expression: direction === "asc" ? `(-${statusRankExpression})` : statusRankExpression, type: "integer" };
  return [status, ...sortKeys[sort]];
}

/** The previous page's last sort value (a JSON array, one value per key) as SQL casts, or a 400 for anything else. */
function cursorValues(keys: SortKey[], value: string, params: unknown[]): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length || parsed.some((item) => item === null || typeof item === "object")) {
    throw new MotifError("bad_request:input", "cursor: is not a cursor of this list; ask again without it");
  }
  return keys.map((key, index) => {
    params.push(String(parsed[index]));
    return `$${params.length}::${key.type}`;
  });
}

/** The filters, order and page a pattern list is asked for. */
export interface PatternListQuery {
  projectId?: string;
  patternTypes?: string[];
  kinds?: string[];
  statuses?: PatternStatus[];
  tags?: string[];
  languages?: string[];
  minQualityScore?: number;
  maxQualityScore?: number;
  minSuccessRate?: number;
  text?: string;
  /** true: shapes that recur only; false: one-off units only (see the `recurring` column). */
  recurring?: boolean;
  /** Patterns with a live occurrence in one of these repositories ("" is a project's unnamed one). */
  repositories?: string[];
  sort: PatternSortField;
  direction: "asc" | "desc";
  /** The (sort keys as a JSON array, id) of the last row of the previous page. */
  after?: { value: string; id: string };
  /** Rows to skip (numbered pages); `after` is the stable alternative. */
  offset?: number;
  limit: number;
}

/** A listed pattern and its sort keys as a JSON array, for the next page's cursor. */
export type ListedPatternRow = PatternRow & { sort_value: string };

function whereClauses(query: PatternListQuery, params: unknown[]): string[] {
  const clauses: string[] = [];
  const add = (template: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(template(`$${params.length}`));
  };
  if (query.projectId) add((value) => `p.project_id = ${value}`, query.projectId);
  if (query.patternTypes?.length) add((value) => `p.pattern_type = any(${value}::text[])`, query.patternTypes);
  if (query.kinds?.length) add((value) => `p.kind = any(${value}::text[])`, query.kinds);
  if (query.statuses?.length) add((value) => `p.status = any(${value}::text[])`, query.statuses);
  if (query.tags?.length) add((value) => `p.tags && ${value}::text[]`, query.tags);
  if (query.languages?.length) add((value) => `p.language = any(${value}::text[])`, query.languages);
  if (query.minQualityScore !== undefined) add((value) => `p.quality_score >= ${value}`, query.minQualityScore);
  if (query.maxQualityScore !== undefined) add((value) => `p.quality_score <= ${value}`, query.maxQualityScore);
  if (query.minSuccessRate !== undefined) add((value) => `p.success_rate >= ${value}`, query.minSuccessRate);
  if (query.text) add((value) => `p.search_vector @@ websearch_to_tsquery('english', ${value})`, query.text);
  if (query.recurring !== undefined) add((value) => `p.recurring = ${value}::boolean`, query.recurring);
  if (query.repositories?.length) {
    add((value) => `exists (select 1 from public.pattern_occurrences o
      where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null and o.repository = any(${value}::text[]))`, query.repositories);
  }
  return clauses;
}

/**
 * One page of the patterns RLS lets the caller see, filtered and sorted (active and pending
 * patterns before deprecated and archived ones, whatever the sort), using keyset pagination on
 * (sort keys, id) so that pages stay stable while rows are added. Returns up to `limit + 1`
 * rows: the extra one only says that another page exists.
 */
export async function listPatterns({
  transaction,
  query,
}: {
  transaction: Queryable;
  query: PatternListQuery;
}): Promise<ListedPatternRow[]> {
  const params: unknown[] = [];
  const clauses = whereClauses(query, params);
  const direction = query.direction === "asc" ? "asc" : "desc";
  const keys = orderKeys(query.sort, direction);
  const expressions = keys.map((key) => key.expression);
  if (query.after) {
    const values = cursorValues(keys, query.after.value, params);
    params.push(query.after.id);
    const comparison = direction === "asc" ? ">" : "<";
    clauses.push(`(${expressions.join(", ")}, p.id) ${comparison} (${values.join(", ")}, $${params.length}::uuid)`);
  }
  params.push(query.limit + 1, query.offset ?? 0);
  const where = clauses.length > 0 ? `where ${clauses.join(" and ")}` : "";
  return translateDatabaseErrors(() =>
    transaction.query<ListedPatternRow>(
      `select ${patternColumns}, json_build_array(${expressions.join(", ")})::text as sort_value
       from public.patterns p ${where}
       order by ${expressions.map((expression) => `${expression} ${direction}`).join(", ")}, p.id ${direction}
       limit $${params.length - 1} offset $${params.length}`,
      params,
    ),
  );
}

/** How many patterns the list's filters match (its total, for "page 3 of 214"); sort and page do not count. */
export async function countPatterns({ transaction, query }: { transaction: Queryable; query: Omit<PatternListQuery, "sort" | "direction" | "limit"> }): Promise<number> {
  const params: unknown[] = [];
  const clauses = whereClauses(query as PatternListQuery, params);
  const where = clauses.length > 0 ? `where ${clauses.join(" and ")}` : "";
  const [row] = await translateDatabaseErrors(() =>
    transaction.query<{ total: number }>(`select count(*)::int as total from public.patterns p ${where}`, params),
  );
  return row.total;
}

/** A project's repositories (as occurrences name them) and how many current patterns stand in each. */
export async function listProjectRepositories({ transaction, projectId }: { transaction: Queryable; projectId: string }): Promise<{ repository: string; patterns: number }[]> {
  return translateDatabaseErrors(() =>
    transaction.query<{ repository: string; patterns: number }>(
      `select o.repository, count(distinct o.pattern_id)::int as patterns from public.pattern_occurrences o
       where o.project_id = $1 and o.removed_at is null group by o.repository order by o.repository`,
      [projectId],
    ),
  );
}
