import type { Queryable } from "../database";

/** How the occurrences of one pattern changed in an ingest. */
export interface OccurrenceChange {
  pattern_id: string;
  added: number;
  moved: number;
  revived: number;
  removed: number;
  removed_files: string[];
}

// Rows stored before paths were repository-relative (migration 20261206190001) move to the
// one incoming path that is theirs with leading folders added or dropped ("retry.py" →
// "src/retry.py"); a path that fits several incoming files, or whose new place is taken, stays.
async function rebaseLegacyPaths(transaction: Queryable, projectId: string, repository: string) {
  const [legacy] = await transaction.query<{ found: boolean }>(
    `select exists (select 1 from public.pattern_occurrences where project_id = $1 and repository = $2 and not root_relative) as found`,
    [projectId, repository],
  );
  if (!legacy.found) return;
  await transaction.query(
    `with incoming as (select distinct file_path from pg_temp.ingest_occurrences),
     candidates as (
       select x.id, i.file_path as new_path, count(*) over (partition by x.id) as fits
       from public.pattern_occurrences x
       join incoming i on i.file_path = x.file_path
         or right(i.file_path, char_length(x.file_path) + 1) = '/' || x.file_path
         or right(x.file_path, char_length(i.file_path) + 1) = '/' || i.file_path
       where x.project_id = $1 and x.repository = $2 and not x.root_relative
     )
     update public.pattern_occurrences x set file_path = c.new_path, root_relative = true
     from candidates c
     where c.id = x.id and c.fits = 1
       and not exists (
         select 1 from public.pattern_occurrences y
         where y.pattern_id = x.pattern_id and y.repository = x.repository and y.file_path = c.new_path
           and y.start_line = x.start_line and y.id <> x.id
       )`,
    [projectId, repository],
  );
}

// Temp tables get no statistics from autovacuum, and the project's occurrences were mostly
// written by this same transaction, which no statistics know of: Postgres 15 then planned the
// `not exists` checks as nested loops reading every staged pair once per occurrence (an ingest
// of 100k patterns did not finish in 20 minutes; PGlite happened to plan them well). The pairs
// are indexed on both keys, whatever the estimates, and the staging tables analysed.
async function analyzeStaging(transaction: Queryable, tables: string[]) {
  await transaction.query(`analyze ${tables.map((table) => `pg_temp.${table}`).join(", ")}`);
}

async function pairOccurrences(transaction: Queryable, projectId: string, repository: string) {
  await transaction.query(
    `create temp table ingest_occurrence_rows on commit drop as
     select row_number() over () as n, r.*
     from (
       select distinct on (t.pattern_id, o.file_path, o.start_line) t.pattern_id, o.*
       from pg_temp.ingest_occurrences o join pg_temp.ingest_targets t on t.key = o.key
       order by t.pattern_id, o.file_path, o.start_line
     ) r`,
  );
  await analyzeStaging(transaction, ["ingest_occurrence_rows"]);
  // Same place (pattern, repository, file, first line): the same occurrence.
  await transaction.query(
    `create temp table ingest_occurrence_pairs on commit drop as
     select i.n, x.id as occurrence_id, 'exact'::text as how, x.removed_at is not null as was_removed
     from pg_temp.ingest_occurrence_rows i
     join public.pattern_occurrences x
       on x.project_id = $1 and x.pattern_id = i.pattern_id and x.repository = $2
      and x.file_path = i.file_path and x.start_line = i.start_line`,
    [projectId, repository],
  );
  await transaction.exec(
    `create index on pg_temp.ingest_occurrence_pairs (occurrence_id); create index on pg_temp.ingest_occurrence_pairs (n)`,
  );
  await analyzeStaging(transaction, ["ingest_occurrence_pairs"]);
  // Same pattern, file and qualname at another line: the code moved (paired in line order).
  // Its new line is free: an existing row there would have been paired exactly.
  await transaction.query(
    `insert into pg_temp.ingest_occurrence_pairs
     select i.n, x.id, 'moved', x.removed_at is not null
     from (
       select i.*, row_number() over (partition by i.pattern_id, i.file_path, i.qualname order by i.start_line) as k
       from pg_temp.ingest_occurrence_rows i
       where not exists (select 1 from pg_temp.ingest_occurrence_pairs p where p.n = i.n)
     ) i
     join (
       select x.*, row_number() over (partition by x.pattern_id, x.file_path, x.qualname order by x.start_line) as k
       from public.pattern_occurrences x
       where x.project_id = $1 and x.repository = $2
         and x.pattern_id in (select t.pattern_id from pg_temp.ingest_targets t)
         and not exists (select 1 from pg_temp.ingest_occurrence_pairs p where p.occurrence_id = x.id)
     ) x on x.pattern_id = i.pattern_id and x.file_path = i.file_path and x.qualname = i.qualname and x.k = i.k`,
    [projectId, repository],
  );
}

async function updatePaired(transaction: Queryable, commitSha: string | null) {
  return transaction.query<{ pattern_id: string; how: string; was_removed: boolean }>(
    `update public.pattern_occurrences x set
       start_line = i.start_line, end_line = i.end_line, qualname = i.qualname, unit_kind = i.unit_kind,
       complexity = i.complexity, removed_at = null, commit_sha = coalesce($1, x.commit_sha)
     from pg_temp.ingest_occurrence_pairs p join pg_temp.ingest_occurrence_rows i on i.n = p.n
     where x.id = p.occurrence_id
       and (x.start_line, x.end_line, x.qualname, x.unit_kind, x.complexity, x.removed_at)
           is distinct from (i.start_line, i.end_line, i.qualname, i.unit_kind, i.complexity, null::timestamptz)
     returning x.pattern_id, p.how, p.was_removed`,
    [commitSha],
  );
}

async function insertUnpaired(transaction: Queryable, options: { projectId: string; repository: string; commitSha: string | null }) {
  return transaction.query<{ pattern_id: string }>(
    `with inserted as (
       insert into public.pattern_occurrences
         (project_id, pattern_id, repository, file_path, start_line, end_line, qualname, unit_kind, complexity, commit_sha)
       select $1, i.pattern_id, $2, i.file_path, i.start_line, i.end_line, i.qualname, i.unit_kind, i.complexity, $3
       from pg_temp.ingest_occurrence_rows i
       where not exists (select 1 from pg_temp.ingest_occurrence_pairs p where p.n = i.n)
       returning id, pattern_id
     ),
     -- Paired with themselves, so the removal below leaves them alone.
     paired as (insert into pg_temp.ingest_occurrence_pairs select null, id, 'inserted', false from inserted)
     select pattern_id from inserted`,
    [options.projectId, options.repository, options.commitSha],
  );
}

// Gone: live occurrences inside the ingest's scope (path prefixes; null = the whole
// repository) that no incoming occurrence paired with. Files that failed to parse keep theirs:
// the code is still there, this run just could not read it.
async function markRemoved(transaction: Queryable, options: { projectId: string; repository: string; scope: string[] | null; failedFiles: string[]; only?: OccurrencePatterns }) {
  if (options.only) await collectOnlyPatterns(transaction, options.projectId, options.only);
  return transaction.query<{ pattern_id: string; file_path: string }>(
    `update public.pattern_occurrences x set removed_at = now()
     where x.project_id = $1 and x.repository = $2 and x.removed_at is null
       and ($3::text[] is null or exists (
         select 1 from unnest($3::text[]) s(prefix)
         where s.prefix = '' or x.file_path = s.prefix or left(x.file_path, length(s.prefix) + 1) = s.prefix || '/'
       ))
       and x.file_path <> all ($4::text[])
       and not exists (select 1 from pg_temp.ingest_occurrence_pairs p where p.occurrence_id = x.id)
       ${options.only ? "and x.pattern_id in (select pattern_id from pg_temp.ingest_only_patterns)" : ""}
     returning x.pattern_id, x.file_path`,
    [options.projectId, options.repository, options.scope, options.failedFiles],
  );
}

/**
 * The patterns an ingest that writes only its difference from the last one reconciles: those
 * whose staged occurrences are all it staged (by key), and those whose key it no longer
 * found (all their occurrences go). Their keys resolve directly: such an ingest runs only
 * on a project where every pattern is its own current version under a key of its own.
 */
export interface OccurrencePatterns {
  stagedKeys: string[];
  vanishedKeys: string[];
}

async function collectOnlyPatterns(transaction: Queryable, projectId: string, only: OccurrencePatterns) {
  await transaction.query(
    `create temp table ingest_only_patterns on commit drop as
     select t.pattern_id from pg_temp.ingest_targets t where t.key = any ($2::text[])
     union
     select p.id from public.patterns p where p.project_id = $1 and p.extraction_key = any ($3::text[])`,
    [projectId, only.stagedKeys, only.vanishedKeys],
  );
}

function changeOf(changes: Map<string, OccurrenceChange>, patternId: string): OccurrenceChange {
  let change = changes.get(patternId);
  if (!change) changes.set(patternId, (change = { pattern_id: patternId, added: 0, moved: 0, revived: 0, removed: 0, removed_files: [] }));
  return change;
}

/**
 * Brings the stored occurrences of the ingested patterns in line with the staged ones:
 * same place → kept (updated only if its lines or name changed), moved code → its row follows,
 * new code → inserted, code that disappeared → marked removed (never deleted), code that came
 * back → revived. Returns the changes per pattern; an identical re-ingest returns none.
 */
export async function writeIngestOccurrences(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
  commitSha: string | null;
  scope: string[] | null;
  failedFiles: string[];
  /** Reconcile only these patterns' occurrences (the staged ones are all theirs); default: every pattern's in the scope. */
  only?: OccurrencePatterns;
}): Promise<OccurrenceChange[]> {
  const { transaction, projectId, repository } = options;
  await rebaseLegacyPaths(transaction, projectId, repository);
  await pairOccurrences(transaction, projectId, repository);
  const changes = new Map<string, OccurrenceChange>();
  for (const row of await updatePaired(transaction, options.commitSha)) {
    const change = changeOf(changes, row.pattern_id);
    if (row.was_removed) change.revived++;
    else if (row.how === "moved") change.moved++;
  }
  for (const row of await insertUnpaired(transaction, options)) changeOf(changes, row.pattern_id).added++;
  await analyzeStaging(transaction, ["ingest_occurrence_pairs"]);
  for (const row of await markRemoved(transaction, options)) {
    const change = changeOf(changes, row.pattern_id);
    change.removed++;
    if (!change.removed_files.includes(row.file_path)) change.removed_files.push(row.file_path);
  }
  return [...changes.values()].filter((change) => change.added + change.moved + change.revived + change.removed > 0);
}

/**
 * Events for occurrence changes of patterns whose content did not change (those already got
 * `pattern.updated`): `pattern.updated` when occurrences were added, moved or came back,
 * `pattern.occurrences_removed` when code disappeared.
 */
export async function recordOccurrenceEvents(options: {
  transaction: Queryable;
  projectId: string;
  changes: OccurrenceChange[];
  details: Record<string, unknown>;
}): Promise<number> {
  if (options.changes.length === 0) return 0;
  const [{ count }] = await options.transaction.query<{ count: number }>(
    `with changes as (
       select * from jsonb_to_recordset($2::jsonb)
         as c(pattern_id uuid, added int, moved int, revived int, removed int, removed_files text[])
     ),
     recorded as (
       insert into public.pattern_events (project_id, pattern_id, event_type, event_data)
       select $1, c.pattern_id, e.event_type, $3::jsonb || e.data
       from changes c
       cross join lateral (values
         ('pattern.updated', jsonb_build_object('change', 'occurrences', 'occurrences_added', c.added,
           'occurrences_moved', c.moved, 'occurrences_revived', c.revived), c.added + c.moved + c.revived > 0
           and not exists (select 1 from pg_temp.ingest_written w where w.pattern_id = c.pattern_id)),
         ('pattern.occurrences_removed', jsonb_build_object('count', c.removed, 'files', to_jsonb(c.removed_files)), c.removed > 0)
       ) as e(event_type, data, wanted)
       where e.wanted
       returning 1
     )
     select count(*)::int as count from recorded`,
    [options.projectId, JSON.stringify(options.changes), JSON.stringify(options.details)],
  );
  return count;
}
