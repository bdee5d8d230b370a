import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";
import { leadsListExpression, statusRankExpression } from "./pattern-list-queries";

/** A count of current patterns under one label (a type, a kind, a language, a quality tier). */
export interface LabelCount {
  label: string;
  count: number;
}

/** How a project's patterns were used on one UTC day. */
export interface UsageTrendDay {
  date: string;
  successful: number;
  failed: number;
  partial: number;
  pending: number;
  /** successful / (successful + failed) that day; null when nothing was decided. */
  success_rate: number | null;
}

/** A pattern on the complexity-against-quality scatter. */
export interface ComplexityPoint {
  id: string;
  name: string;
  pattern_type: string;
  complexity: number;
  quality_score: number;
}

/** One of a project's most used (then best) patterns. */
export interface TopPattern {
  id: string;
  name: string;
  pattern_type: string;
  kind: string | null;
  quality_score: number | null;
  usage_count: number;
  success_rate: number | null;
}

/** The headline numbers of a project. */
export interface ProjectTotals {
  patterns: number;
  occurrences: number;
  relationships: number;
  usage: number;
  events: number;
  avg_quality: number | null;
}

/** Everything the insights page charts, computed in the database under the caller's RLS. */
export interface ProjectInsights {
  totals: ProjectTotals;
  quality_tiers: LabelCount[];
  by_type: LabelCount[];
  by_kind: LabelCount[];
  by_language: LabelCount[];
  usage_trend: UsageTrendDay[];
  top_patterns: TopPattern[];
  complexity_vs_quality: ComplexityPoint[];
}

// "Current" patterns: the latest version of each, not archived. Older versions and archived
// rows stay in the lineage but would count a pattern twice or show what the team retired.
const current = `p.project_id = $1 and p.superseded_by is null and p.status <> 'archived'`;

/** Quality tiers, best first; the bounds are the ones the patterns table filter offers too. */
export const qualityTiers = [
  { label: "excellent", min: 0.8, max: 1.0001 },
  { label: "good", min: 0.6, max: 0.8 },
  { label: "fair", min: 0.4, max: 0.6 },
  { label: "poor", min: 0, max: 0.4 },
] as const;

async function readTotals(transaction: Queryable, projectId: string): Promise<ProjectTotals> {
  const [totals] = await transaction.query<ProjectTotals>(
    `select
       (select count(*)::int from public.patterns p where ${current}) as patterns,
       (select count(*)::int from public.pattern_occurrences o join public.patterns p on p.id = o.pattern_id
         where ${current} and o.removed_at is null) as occurrences,
       (select count(*)::int from public.pattern_relationships r where r.project_id = $1) as relationships,
       (select count(*)::int from public.pattern_usage u where u.project_id = $1) as usage,
       (select count(*)::int from public.pattern_events e where e.project_id = $1) as events,
       (select avg(p.quality_score) from public.patterns p where ${current}) as avg_quality`,
    [projectId],
  );
  return totals;
}

async function countBy(transaction: Queryable, projectId: string, column: "pattern_type" | "kind" | "language") {
  return transaction.query<LabelCount>(
    `select p.${column} as label, count(*)::int as count from public.patterns p
     where ${current} and p.${column} is not null group by p.${column} order by count desc, label`,
    [projectId],
  );
}

async function countQualityTiers(transaction: Queryable, projectId: string): Promise<LabelCount[]> {
  const cases = qualityTiers
    .map((tier) => `when p.quality_score >= ${tier.min} and p.quality_score < ${tier.max} then '${tier.label}'`)
    .join(" ");
  const rows = await transaction.query<LabelCount>(
    `select coalesce(case ${cases} end, 'unscored') as label, count(*)::int as count
     from public.patterns p where ${current} group by 1`,
    [projectId],
  );
  // Every tier, in order, even when empty: a chart with missing bars reads as "no data".
  const counts = new Map(rows.map((row) => [row.label, row.count]));
  const tiers = qualityTiers.map((tier) => ({ label: tier.label, count: counts.get(tier.label) ?? 0 }));
  return counts.has("unscored") ? [...tiers, { label: "unscored", count: counts.get("unscored")! }] : tiers;
}

async function readUsageTrend(transaction: Queryable, projectId: string, days: number): Promise<UsageTrendDay[]> {
  return transaction.query<UsageTrendDay>(
    `with day as (
       select generate_series(((now() at time zone 'utc')::date - ($2::int - 1)), (now() at time zone 'utc')::date, interval '1 day')::date as date
     )
     select to_char(day.date, 'YYYY-MM-DD') as date,
            count(u.id) filter (where u.outcome = 'successful')::int as successful,
            count(u.id) filter (where u.outcome = 'failed')::int as failed,
            count(u.id) filter (where u.outcome = 'partial')::int as partial,
            count(u.id) filter (where u.outcome = 'pending')::int as pending,
            (count(u.id) filter (where u.outcome = 'successful'))::double precision
              / nullif(count(u.id) filter (where u.outcome in ('successful', 'failed')), 0) as success_rate
     from day left join public.pattern_usage u
       on u.project_id = $1 and (u.created_at at time zone 'utc')::date = day.date
     group by day.date order by day.date`,
    [projectId, days],
  );
}

// Deprecated patterns after active and pending ones; then design patterns and recurring shapes
// before one-off units (DESIGN §4); within those, a proven record first, then prominence.
async function readTopPatterns(transaction: Queryable, projectId: string): Promise<TopPattern[]> {
  return transaction.query<TopPattern>(
    `select p.id, p.name, p.pattern_type, p.kind, p.quality_score, p.usage_count, p.success_rate
     from public.patterns p where ${current}
     order by ${statusRankExpression} desc, ${leadsListExpression} desc, p.usage_count desc, p.success_rate desc nulls last,
       p.prominence desc nulls last, p.quality_score desc nulls last, p.name
     limit 10`,
    [projectId],
  );
}

async function readComplexityPoints(transaction: Queryable, projectId: string): Promise<ComplexityPoint[]> {
  return transaction.query<ComplexityPoint>(
    `select p.id, p.name, p.pattern_type, p.complexity, p.quality_score
     from public.patterns p
     where ${current} and p.complexity is not null and p.quality_score is not null
     order by p.quality_score desc, p.id limit 2000`,
    [projectId],
  );
}

/**
 * The aggregates behind a project's insights page: headline totals, quality tiers, counts by
 * type, kind and language, daily usage over `days` days, the top patterns, and complexity
 * against quality. Runs under the caller's RLS: outsiders see zeros, never other teams' data.
 */
export async function getProjectInsightsByProjectId({
  transaction,
  projectId,
  days,
}: {
  transaction: Queryable;
  projectId: string;
  days: number;
}): Promise<ProjectInsights> {
  return translateDatabaseErrors(async () => ({
    totals: await readTotals(transaction, projectId),
    quality_tiers: await countQualityTiers(transaction, projectId),
    by_type: await countBy(transaction, projectId, "pattern_type"),
    by_kind: await countBy(transaction, projectId, "kind"),
    by_language: await countBy(transaction, projectId, "language"),
    usage_trend: await readUsageTrend(transaction, projectId, days),
    top_patterns: await readTopPatterns(transaction, projectId),
    complexity_vs_quality: await readComplexityPoints(transaction, projectId),
  }));
}

/** How many live occurrences each of the given patterns has (RLS applies; unknown ids count 0). */
export async function countOccurrencesByPatternIds({
  transaction,
  patternIds,
}: {
  transaction: Queryable;
  patternIds: string[];
}): Promise<Record<string, number>> {
  if (patternIds.length === 0) return {};
  const rows = await translateDatabaseErrors(() =>
    transaction.query<{ pattern_id: string; count: number }>(
      `select o.pattern_id, count(*)::int as count from public.pattern_occurrences o
       where o.pattern_id = any($1::uuid[]) and o.removed_at is null group by o.pattern_id`,
      [patternIds],
    ),
  );
  return Object.fromEntries(patternIds.map((id) => [id, rows.find((row) => row.pattern_id === id)?.count ?? 0]));
}

/** The repositories each pattern has live occurrences in (a project ingesting several repositories tells them apart). */
export async function listRepositoriesByPatternIds({
  transaction,
  patternIds,
}: {
  transaction: Queryable;
  patternIds: string[];
}): Promise<Record<string, string[]>> {
  if (patternIds.length === 0) return {};
  const rows = await translateDatabaseErrors(() =>
    transaction.query<{ pattern_id: string; repositories: string[] }>(
      `select o.pattern_id, array_agg(distinct o.repository order by o.repository) as repositories from public.pattern_occurrences o
       where o.pattern_id = any($1::uuid[]) and o.removed_at is null group by o.pattern_id`,
      [patternIds],
    ),
  );
  return Object.fromEntries(patternIds.map((id) => [id, rows.find((row) => row.pattern_id === id)?.repositories ?? []]));
}
