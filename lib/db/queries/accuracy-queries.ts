import type { AccuracyWeek, VerdictCounts } from "@/lib/domain";
import type { Queryable } from "../database";

// A validation whose evidence names a relationship_type judges that relationship of the pattern,
// not the pattern's kind (POST /api/v1/patterns/{id}/validations, docs/operations.md).
const kindVerdicts = `
  from public.pattern_validations v
  join public.patterns p on p.project_id = v.project_id and p.id = v.pattern_id
  where v.project_id = $1 and p.kind is not null and not (v.evidence ? 'relationship_type')`;

const counted = `count(*) filter (where v.verdict = 'validated')::int as confirmed,
                 count(*) filter (where v.verdict = 'contradicted')::int as contradicted`;

/** Verdicts per design-pattern kind of a project (RLS: any role of the project). */
export async function listKindVerdictsByProjectId({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  return transaction.query<VerdictCounts & { kind: string }>(`select p.kind, ${counted} ${kindVerdicts} group by p.kind`, [projectId]);
}

/** Reported outcomes per design-pattern kind of a project (pending uses left out). */
export async function listKindOutcomesByProjectId({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  return transaction.query<{ kind: string; successful: number; failed: number; partial: number }>(`
    select p.kind,
           count(*) filter (where u.outcome = 'successful')::int as successful,
           count(*) filter (where u.outcome = 'failed')::int as failed,
           count(*) filter (where u.outcome = 'partial')::int as partial
    from public.pattern_usage u
    join public.patterns p on p.project_id = u.project_id and p.id = u.pattern_id
    where u.project_id = $1 and p.kind is not null and u.outcome <> 'pending'
    group by p.kind`, [projectId]);
}

/** Verdicts on relationships per relationship type (validations whose evidence names one). */
export async function listRelationshipVerdictsByProjectId({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  return transaction.query<VerdictCounts & { relationship_type: string }>(`
    select v.evidence ->> 'relationship_type' as relationship_type, ${counted}
    from public.pattern_validations v
    where v.project_id = $1 and v.evidence ? 'relationship_type'
    group by 1 order by 1`, [projectId]);
}

/** Verdicts per kind per week over the last `weeks` weeks, oldest first. */
export async function listWeeklyKindVerdictsByProjectId({ transaction, projectId, weeks }: { transaction: Queryable; projectId: string; weeks: number }): Promise<AccuracyWeek[]> {
  return transaction.query<AccuracyWeek>(`
    select to_char(date_trunc('week', v.created_at at time zone 'UTC'), 'YYYY-MM-DD') as week, p.kind, ${counted},
           (count(*) filter (where v.verdict = 'validated'))::float8 / count(*) as accuracy
    ${kindVerdicts} and v.created_at >= date_trunc('week', now() at time zone 'UTC') - make_interval(weeks => $2 - 1)
    group by 1, 2 order by 1, 2`, [projectId, weeks]);
}

/** Verdicts on one kind in one project: what the alert after a validation decides on. */
export async function getKindVerdicts({ transaction, projectId, kind }: { transaction: Queryable; projectId: string; kind: string }): Promise<VerdictCounts> {
  const [row] = await transaction.query<VerdictCounts>(`select ${counted} ${kindVerdicts} and p.kind = $2`, [projectId, kind]);
  return row ?? { confirmed: 0, contradicted: 0 };
}

/** The last accuracy event of a kind in a project (`accuracy.degraded` or `accuracy.recovered`). */
export async function getLatestAccuracyEventType({ transaction, projectId, kind }: { transaction: Queryable; projectId: string; kind: string }) {
  const [row] = await transaction.query<{ event_type: string }>(`
    select event_type from public.pattern_events
    where project_id = $1 and event_type in ('accuracy.degraded', 'accuracy.recovered') and event_data ->> 'kind' = $2
    order by id desc limit 1`, [projectId, kind]);
  return row?.event_type;
}

/** Verdicts per kind in every project with at least `minVerdicts` of them (trusted: service role). */
export async function listKindVerdictsOfAllProjects({ transaction, minVerdicts }: { transaction: Queryable; minVerdicts: number }) {
  return transaction.query<VerdictCounts & { project: string; kind: string }>(`
    select pr.slug as project, p.kind, ${counted}
    from public.pattern_validations v
    join public.patterns p on p.project_id = v.project_id and p.id = v.pattern_id
    join public.projects pr on pr.id = v.project_id
    where p.kind is not null and not (v.evidence ? 'relationship_type')
    group by pr.slug, p.kind
    having count(*) >= $1
    order by pr.slug, p.kind`, [minVerdicts]);
}
