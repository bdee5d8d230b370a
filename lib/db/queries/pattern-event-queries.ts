import type { Queryable } from "../database";

/** A `pattern_events` row as the drivers return it (ids: number on PGlite, string on postgres.js). */
export interface PatternEventRow {
  id: number | string;
  project_id: string;
  pattern_id: string | null;
  event_type: string;
  event_data: Record<string, unknown>;
  actor: string | null;
  created_at: Date | string;
}

// Every query names the project as well as the ids: a row of another project never comes
// back for a subscriber, even where its RLS would allow it (a member of both projects).
const eventColumns = `e.id, e.project_id, e.pattern_id, e.event_type, e.event_data, e.actor, e.created_at`;

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
    `select ${eventColumns} from public.pattern_events e
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
    `select ${eventColumns} from public.pattern_events e where e.project_id = $1 order by e.id desc limit $2`,
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
    `select ${eventColumns} from public.pattern_events e
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
