import type { PatternEvent } from "@/lib/domain";
import type { Queryable } from "../database";

/**
 * A `pattern_events` row as the drivers return it: lib/domain's PatternEvent, but ids are a
 * number on PGlite and a string on postgres.js, and timestamps a Date or text.
 */
export type PatternEventRow = Omit<PatternEvent, "id" | "created_at"> & { id: number | string; created_at: Date | string };

// Every query names the project as well as the ids: a row of another project never comes
// back for a subscriber, even where its RLS would allow it (a member of both projects).
// Who acted and which pattern, named: `$1` is always the project id.
const eventColumns = `e.id, e.project_id, e.pattern_id, e.event_type, e.event_data, e.actor, e.created_at, e.ingest_job_id,
  a.name as actor_name, a.kind as actor_kind, coalesce(e.event_data ->> 'name', p.name) as pattern_name`;
const eventSource = `public.pattern_events e
  left join public.project_actors($1) a on a.actor = e.actor
  left join public.patterns p on p.id = e.pattern_id`;

/** The project's events with an id above `afterId`, oldest first, at most `limit`. */
export async function listPatternEventsAfterId({
  transaction,
  projectId,
  afterId,
  limit,
}: {
  transaction: Queryable;
  projectId: string;
  afterId: number;
  limit: number;
}): Promise<PatternEventRow[]> {
  return transaction.query<PatternEventRow>(
    `select ${eventColumns} from ${eventSource}
     where e.project_id = $1 and e.id > $2 order by e.id limit $3`,
    [projectId, afterId, limit],
  );
}

/** The project's newest `limit` events, returned oldest first. */
export async function listLatestPatternEvents({
  transaction,
  projectId,
  limit,
}: {
  transaction: Queryable;
  projectId: string;
  limit: number;
}): Promise<PatternEventRow[]> {
  const rows = await transaction.query<PatternEventRow>(
    `select ${eventColumns} from ${eventSource} where e.project_id = $1 order by e.id desc limit $2`,
    [projectId, limit],
  );
  return rows.reverse();
}

/** The rows with these ids that belong to the project and that the caller may read, oldest first. */
export async function listPatternEventsByIds({
  transaction,
  projectId,
  ids,
}: {
  transaction: Queryable;
  projectId: string;
  ids: readonly number[];
}): Promise<PatternEventRow[]> {
  return transaction.query<PatternEventRow>(
    `select ${eventColumns} from ${eventSource}
     where e.project_id = $1 and e.id = any($2::bigint[]) order by e.id`,
    [projectId, ids],
  );
}

/** The newest event id of the project the caller can see, 0 when there is none. */
export async function getLatestPatternEventId({
  transaction,
  projectId,
}: {
  transaction: Queryable;
  projectId: string;
}): Promise<number> {
  const [row] = await transaction.query<{ id: number | string | null }>(
    `select max(e.id) as id from public.pattern_events e where e.project_id = $1`,
    [projectId],
  );
  return Number(row?.id ?? 0);
}

/**
 * A page of the project's feed entries, newest first: every event but the per-pattern events of
 * an ingest (its `ingest.completed` entry stands for them), older than `beforeId` when given.
 */
export async function listFeedEntries({
  transaction,
  projectId,
  beforeId,
  limit,
}: {
  transaction: Queryable;
  projectId: string;
  beforeId?: number;
  limit: number;
}): Promise<PatternEventRow[]> {
  return transaction.query<PatternEventRow>(
    `select ${eventColumns} from ${eventSource}
     where e.project_id = $1 and e.ingest_job_id is null and ($2::bigint is null or e.id < $2)
     order by e.id desc limit $3`,
    [projectId, beforeId ?? null, limit],
  );
}

/** The per-pattern events of one ingest (what its feed entry expands to), oldest first, after `afterId`. */
export async function listIngestEvents({
  transaction,
  projectId,
  jobId,
  afterId,
  limit,
}: {
  transaction: Queryable;
  projectId: string;
  jobId: string;
  afterId?: number;
  limit: number;
}): Promise<PatternEventRow[]> {
  return transaction.query<PatternEventRow>(
    `select ${eventColumns} from ${eventSource}
     where e.project_id = $1 and e.ingest_job_id = $2 and e.id > $3
     order by e.id limit $4`,
    [projectId, jobId, afterId ?? 0, limit],
  );
}
