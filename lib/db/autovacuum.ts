import type { Queryable } from "./database";
import { patternStatisticsColumns } from "./queries/ingest-patterns";

// Embedded Postgres (PGlite) has no autovacuum: nothing reclaims the rows that updates and
// deletes leave behind, keeps the planner's statistics, or freezes old transaction ids before
// they wrap around. Motif does autovacuum's work itself, by autovacuum's own rules and
// settings (pg_settings) over Postgres' own cumulative statistics, which PGlite keeps once it
// is asked to flush them (pg_stat_force_next_flush). Supabase's Postgres runs autovacuum.
// The statistics live in memory: what a process wrote before it closed is not counted by the
// next one, so `motif serve` checks on a timer and one-shot commands check before they close.

/** One table's cumulative statistics and the settings that judge them. */
export interface TableActivity {
  table: string;
  /** The planner's row count (pg_class.reltuples; -1 before the first VACUUM or ANALYZE). */
  tuples: number;
  dead: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyze: number;
  /** age(relfrozenxid): transactions since the table's oldest unfrozen id. */
  xidAge: number;
}

/** Postgres' autovacuum settings (pg_settings; the defaults are 50 / 0.2, 1000 / 0.2, 50 / 0.1, 200M). */
export interface AutovacuumSettings {
  vacuumThreshold: number;
  vacuumScaleFactor: number;
  insertThreshold: number;
  insertScaleFactor: number;
  analyzeThreshold: number;
  analyzeScaleFactor: number;
  freezeMaxAge: number;
}

/** What autovacuum would do to one table now, and why. */
export interface MaintenanceTask {
  table: string;
  vacuum: boolean;
  freeze: boolean;
  analyze: boolean;
  reason: string;
}

/** autovacuum's decision for one table (PostgreSQL docs, "The Autovacuum Daemon"). */
export function maintenanceFor(activity: TableActivity, settings: AutovacuumSettings): MaintenanceTask | undefined {
  const tuples = Math.max(activity.tuples, 0);
  const reasons: string[] = [];
  const freeze = activity.xidAge > settings.freezeMaxAge;
  if (freeze) reasons.push(`transaction ids ${activity.xidAge} old`);
  const deadLimit = settings.vacuumThreshold + settings.vacuumScaleFactor * tuples;
  if (activity.dead > deadLimit) reasons.push(`${activity.dead} dead rows`);
  const insertLimit = settings.insertThreshold + settings.insertScaleFactor * tuples;
  if (activity.insertedSinceVacuum > insertLimit) reasons.push(`${activity.insertedSinceVacuum} rows inserted`);
  const vacuum = reasons.length > 0;
  // As autovacuum: ANALYZE writes pg_statistic, so analysing pg_statistic itself never settles.
  const analyze = activity.table !== "pg_catalog.pg_statistic"
    && activity.modifiedSinceAnalyze > settings.analyzeThreshold + settings.analyzeScaleFactor * tuples;
  if (analyze) reasons.push(`${activity.modifiedSinceAnalyze} rows changed since the last analyze`);
  return vacuum || analyze ? { table: activity.table, vacuum, freeze, analyze, reason: reasons.join(", ") } : undefined;
}

const settingNames: Record<keyof AutovacuumSettings, string> = {
  vacuumThreshold: "autovacuum_vacuum_threshold",
  vacuumScaleFactor: "autovacuum_vacuum_scale_factor",
  insertThreshold: "autovacuum_vacuum_insert_threshold",
  insertScaleFactor: "autovacuum_vacuum_insert_scale_factor",
  analyzeThreshold: "autovacuum_analyze_threshold",
  analyzeScaleFactor: "autovacuum_analyze_scale_factor",
  freezeMaxAge: "autovacuum_freeze_max_age",
};

async function readSettings(database: Queryable): Promise<AutovacuumSettings> {
  const rows = await database.query<{ name: string; setting: string }>(
    `select name, setting from pg_catalog.pg_settings where name = any ($1::text[])`, [Object.values(settingNames)]);
  const byName = new Map(rows.map((row) => [row.name, Number(row.setting)]));
  return Object.fromEntries(Object.entries(settingNames).map(([key, name]) => [key, byName.get(name)!])) as unknown as AutovacuumSettings;
}

/** Every permanent table's activity, the system catalogs included (temp tables churn them). */
async function readActivity(database: Queryable): Promise<TableActivity[]> {
  // The flush lands when this statement ends, so the next one reads this process's writes.
  await database.query(`select pg_catalog.pg_stat_force_next_flush()`);
  return database.query<TableActivity>(`
    select format('%I.%I', n.nspname, c.relname) as "table", c.reltuples::float8 as tuples,
           coalesce(s.n_dead_tup, 0)::float8 as dead, coalesce(s.n_ins_since_vacuum, 0)::float8 as "insertedSinceVacuum",
           coalesce(s.n_mod_since_analyze, 0)::float8 as "modifiedSinceAnalyze", pg_catalog.age(c.relfrozenxid)::float8 as "xidAge"
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_stat_all_tables s on s.relid = c.oid
    where c.relkind in ('r', 'm') and c.relpersistence = 'p' and n.nspname <> 'information_schema'
    order by 1`);
}

/** The tables autovacuum would process now. */
export async function dueMaintenance(database: Queryable): Promise<MaintenanceTask[]> {
  const settings = await readSettings(database);
  const activity = await readActivity(database);
  return activity.map((table) => maintenanceFor(table, settings)).filter((task) => task !== undefined);
}

/**
 * Whether any table may be due for freezing: the database's oldest transaction id is older
 * than autovacuum_freeze_max_age. One catalog row, far cheaper than {@link dueMaintenance}
 * (~0.1 ms against 10-15 ms at 100k patterns): what a busy server checks.
 */
export async function freezeMayBeDue(database: Queryable): Promise<boolean> {
  const [{ due }] = await database.query<{ due: boolean }>(`
    select pg_catalog.age(d.datfrozenxid) > pg_catalog.current_setting('autovacuum_freeze_max_age')::int8 as due
    from pg_catalog.pg_database d where d.datname = pg_catalog.current_database()`);
  return due;
}

function analyzeTarget(table: string): string {
  // The patterns' vectors and texts would make ANALYZE five times slower; the planner only
  // needs the columns match_patterns filters on (ingest-patterns.ts).
  return table === "public.patterns" ? `${table} (${patternStatisticsColumns.join(", ")})` : table;
}

/** A task that ran, and how long it took. */
export interface MaintenanceDone {
  task: MaintenanceTask;
  milliseconds: number;
}

/**
 * Runs the tasks one table at a time (VACUUM cannot run in a transaction), as the database
 * owner: maintenance, not data access. Resolves to what ran and how long each took.
 */
export async function runMaintenance(database: Queryable, tasks: MaintenanceTask[]): Promise<MaintenanceDone[]> {
  const done: MaintenanceDone[] = [];
  for (const task of tasks) {
    const started = performance.now();
    // VACUUM (ANALYZE) analyses every column: the patterns get their own, narrower ANALYZE.
    const analyzeInVacuum = task.vacuum && task.analyze && task.table !== "public.patterns";
    const options = [task.freeze ? "freeze" : undefined, analyzeInVacuum ? "analyze" : undefined].filter(Boolean);
    if (task.vacuum) await database.exec(`vacuum ${options.length > 0 ? `(${options.join(", ")}) ` : ""}${task.table}`);
    if (task.analyze && !analyzeInVacuum) await database.exec(`analyze ${analyzeTarget(task.table)}`);
    done.push({ task, milliseconds: performance.now() - started });
  }
  return done;
}

/**
 * One line for a log: each table vacuumed and why, how many were only analysed, the time in
 * all. Undefined when nothing ran.
 */
export function describeMaintenance(done: MaintenanceDone[]): string | undefined {
  if (done.length === 0) return undefined;
  const vacuumed = done.filter(({ task }) => task.vacuum).map(({ task }) => `${task.freeze ? "vacuum (freeze)" : "vacuum"} ${task.table} (${task.reason})`);
  const analysed = done.filter(({ task }) => !task.vacuum).length;
  const seconds = done.reduce((sum, { milliseconds }) => sum + milliseconds, 0) / 1000;
  const parts = [...vacuumed, analysed > 0 ? `analyze ${analysed} ${analysed === 1 ? "table" : "tables"}` : undefined].filter(Boolean);
  return `maintenance: ${parts.join(", ")} in ${seconds.toFixed(1)} s`;
}
