import type { UsageOutcome } from "@/lib/domain";
import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";

/** One report of a pattern being used. */
export interface UsageRow {
  id: string;
  project_id: string;
  pattern_id: string;
  session_id: string | null;
  task: string;
  outcome: UsageOutcome;
  rating: number | null;
  effectiveness: number | null;
  feedback: string | null;
  context: Record<string, unknown>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

const usageColumns = `id, project_id, pattern_id, session_id, task, outcome, rating, effectiveness, feedback, context,
  created_by, created_at, updated_at`;

/** What a usage report says. */
export interface UsageValues {
  projectId: string;
  patternId: string;
  sessionId: string | null;
  task: string;
  outcome: UsageOutcome;
  rating: number | null;
  effectiveness: number | null;
  feedback: string | null;
  context: Record<string, unknown>;
}

/**
 * Records usage of a pattern (RLS: admins and members). The trigger on pattern_usage bumps
 * the pattern's counters in the same statement, atomically.
 */
export async function insertPatternUsage({ transaction, values }: { transaction: Queryable; values: UsageValues }) {
  const v = values;
  const [usage] = await translateDatabaseErrors(
    () =>
      transaction.query<UsageRow>(
        `insert into public.pattern_usage
           (project_id, pattern_id, session_id, task, outcome, rating, effectiveness, feedback, context)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) returning ${usageColumns}`,
        [v.projectId, v.patternId, v.sessionId, v.task, v.outcome, v.rating, v.effectiveness, v.feedback, JSON.stringify(v.context)],
      ),
    { "conflict:resource": "the session does not exist in this project" },
  );
  return usage;
}

/** The usage report with this id on this pattern, when RLS lets the caller see it. */
export async function getPatternUsageById({
  transaction,
  patternId,
  usageId,
}: {
  transaction: Queryable;
  patternId: string;
  usageId: string;
}): Promise<UsageRow | undefined> {
  const [usage] = await transaction.query<UsageRow>(
    `select ${usageColumns} from public.pattern_usage where id = $1 and pattern_id = $2`,
    [usageId, patternId],
  );
  return usage;
}

/** Closes a usage report with its outcome (and rating); undefined when RLS refused the write. */
export async function closePatternUsageById({
  transaction,
  usageId,
  outcome,
  rating,
  effectiveness,
  feedback,
}: {
  transaction: Queryable;
  usageId: string;
  outcome: UsageOutcome;
  rating?: number;
  effectiveness?: number;
  feedback?: string;
}): Promise<UsageRow | undefined> {
  const [usage] = await translateDatabaseErrors(() =>
    transaction.query<UsageRow>(
      `update public.pattern_usage set outcome = $2, rating = coalesce($3, rating),
         effectiveness = coalesce($4, effectiveness), feedback = coalesce($5, feedback)
       where id = $1 returning ${usageColumns}`,
      [usageId, outcome, rating ?? null, effectiveness ?? null, feedback ?? null],
    ),
  );
  return usage;
}

/** Counts of a pattern's usage per UTC day over the last `days` days, oldest first, zeros included. */
export interface UsageDayRow {
  date: string;
  successful: number;
  failed: number;
  partial: number;
  pending: number;
  total: number;
}

/** Usage of a pattern per day for charts (RLS applies: an invisible pattern has no usage). */
export async function listPatternUsageByDay({
  transaction,
  patternId,
  days,
}: {
  transaction: Queryable;
  patternId: string;
  days: number;
}): Promise<UsageDayRow[]> {
  return translateDatabaseErrors(() =>
    transaction.query<UsageDayRow>(
      `with day as (
         select generate_series((now() at time zone 'utc')::date - ($2::integer - 1), (now() at time zone 'utc')::date,
                                interval '1 day')::date as date
       )
       select to_char(day.date, 'YYYY-MM-DD') as date,
              count(*) filter (where u.outcome = 'successful')::integer as successful,
              count(*) filter (where u.outcome = 'failed')::integer as failed,
              count(*) filter (where u.outcome = 'partial')::integer as partial,
              count(*) filter (where u.outcome = 'pending')::integer as pending,
              count(u.id)::integer as total
       from day
       left join public.pattern_usage u
         on u.pattern_id = $1 and (u.created_at at time zone 'utc')::date = day.date
       group by day.date
       order by day.date`,
      [patternId, days],
    ),
  );
}

/** A confirmation or contradiction of a pattern. */
export interface ValidationRow {
  id: string;
  pattern_id: string;
  verdict: "validated" | "contradicted";
  source: string;
  evidence: Record<string, unknown>;
  comment: string | null;
  created_by: string | null;
  created_at: string;
}

/** Records a validation (RLS: admins and members); a trigger keeps the pattern's counts. */
export async function insertPatternValidation({
  transaction,
  projectId,
  patternId,
  verdict,
  evidence,
  comment,
  source = "manual",
  confidence = null,
}: {
  transaction: Queryable;
  projectId: string;
  patternId: string;
  verdict: ValidationRow["verdict"];
  evidence: Record<string, unknown>;
  comment: string | null;
  /** Who judged: a person (manual), tests, usage, or a language model (llm). */
  source?: "manual" | "test" | "usage" | "llm";
  confidence?: number | null;
}): Promise<ValidationRow> {
  const [validation] = await translateDatabaseErrors(() =>
    transaction.query<ValidationRow>(
      `insert into public.pattern_validations (project_id, pattern_id, verdict, evidence, comment, source, confidence)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7)
       returning id, pattern_id, verdict, source, evidence, comment, created_by, created_at`,
      [projectId, patternId, verdict, JSON.stringify(evidence), comment, source, confidence],
    ),
  );
  return validation;
}
