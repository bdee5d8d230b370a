import {
  asService,
  finishJobById,
  insertPatternEvent,
  recordIngestPatternEvents,
  recordOccurrenceEvents,
  refreshPatternStatistics,
  refreshSearchLexemeStats,
  keepReplacedSearchVectors,
  adjustSearchLexemeStats,
  resolveIngestTargets,
  restageIngestPatterns,
  stageIngestEmbeddings,
  stageIngestRows,
  translateDatabaseErrors,
  withUser,
  writeIngestOccurrences,
  writeIngestPatterns,
  writeIngestRelationships,
  writeSourceFiles,
  type Database,
  type SourceFileRow,
  type StagedPattern,
  type StagedPatternKey,
  type JwtClaims,
  type Queryable,
} from "@/lib/db";
import { randomUUID } from "node:crypto";
import { motifMetrics } from "@/lib/metrics";
import { createEmbeddingProvider, embeddingTextForPattern, type EmbeddingProvider } from "@/lib/embed";
import { enqueueReembedJobs } from "@/lib/jobs";
import { writtenRowsOf, type IngestMemory, type LastWrite } from "./ingest-memory";
import { differenceFromLast, isEmptyDifference, rememberWrite } from "./remembered-write";
import { buildIngestRows, type IngestRows } from "./ingest-rows";
import type { IngestSource } from "./ingest-source";
import { createIngestTracker, writeSteps, type IngestProgress, type IngestTracker } from "./ingest-tracker";
import { finishIngestJob, startIngestJob } from "./start-ingest-job";

export interface IngestOptions {
  database: Database;
  /** The caller (RLS decides: admins and members may ingest), or the local operator. */
  claims: JwtClaims | "service_role";
  projectId: string;
  result: IngestSource;
  /** Names the repository the paths belong to; "" (default) for a project's single checkout. */
  repository?: string;
  /** Path prefixes this run covered (see `ingestScope`); occurrences outside are left alone. Default: everything. */
  scope?: string[];
  commitSha?: string;
  /** How many files the extraction read (the feed entry and the job say so). */
  files?: number;
  /** Default: the configured provider (built-in unless MOTIF_EMBEDDINGS says otherwise). */
  embedder?: EmbeddingProvider;
  onProgress?: (progress: IngestProgress) => void;
  /** The job this run reports to, when the caller started it before extracting (`startIngestJob`). */
  tracker?: IngestTracker;
  /** Per-file state for the next incremental ingest, written in the same transaction. */
  sourceFiles?: SourceFileChanges;
  /** What this process remembers of the repository's last ingest (`repositoryMemoryFor`): only the difference is written. */
  memory?: IngestMemory;
}

/** The source files an ingest (re-)extracted, and those it found gone. */
export interface SourceFileChanges {
  upserts: SourceFileRow[];
  deletes: string[];
}

/** What an ingest changed. A re-ingest of the same code reports zeros everywhere but `unchanged`. */
export interface IngestSummary {
  job_id: string;
  patterns: { received: number; created: number; updated: number; unchanged: number };
  occurrences: { received: number; added: number; moved: number; revived: number; removed: number };
  relationships: { created: number; updated: number; removed: number };
  events: number;
  embedded: number;
  embedding_model: string;
  /** The project still holds patterns another model embedded: the re-embedding queued for them. */
  reembed: { job_id: string; patterns: number } | null;
  /** What was staged: the difference from the repository's last ingest (`IngestOptions.memory`), or every row. */
  staged: "difference" | "everything";
  timings_ms: { stage: number; embed: number; write: number; total: number };
}

const embedBatch = 256;
const forbidden = { "forbidden:auth": "only project admins and members can ingest into a project" };

async function embedNeeded(rows: IngestRows, keys: string[], embedder: EmbeddingProvider, onProgress: (progress: IngestProgress) => Promise<void>) {
  const embeddings: Array<{ key: string; embedding: Float32Array }> = [];
  for (let start = 0; start < keys.length; start += embedBatch) {
    const batch = keys.slice(start, start + embedBatch);
    const vectors = await embedder.embed(batch.map((key) => embeddingTextForPattern(rows.patternsByKey.get(key)!)));
    batch.forEach((key, index) => embeddings.push({ key, embedding: vectors[index] }));
    await onProgress({ phase: "embedding", done: embeddings.length, total: keys.length });
  }
  return embeddings;
}

// A staged pattern reduced to what deciding whether to write it needs.
function keyAndHash(pattern: StagedPattern): StagedPatternKey {
  return { key: pattern.key, extraction_hash: pattern.extraction_hash };
}

type WriteContext = Required<Pick<IngestOptions, "projectId" | "repository">> & IngestOptions & {
  rows: IngestRows;
  embedder: EmbeddingProvider;
  tracker: IngestTracker;
  /** What the memory held when this ingest began (it forgets it until the write commits). */
  last?: LastWrite;
  /** Set during the write: what the memory keeps once the transaction committed. */
  remembered?: LastWrite;
};

// The whole write is one transaction: a crash anywhere in it leaves the project as it was.
async function writeIngest(transaction: Queryable, context: WriteContext): Promise<IngestSummary> {
  const { projectId, embedder, tracker } = context;
  const remembering = { ...context, embeddingModel: embedder.id };
  const written = context.memory ? writtenRowsOf(context.rows) : undefined;
  const difference = written && (await differenceFromLast(transaction, remembering, written));
  // Everything is counted and embedded from the whole extraction; only the difference is staged.
  const all = context.rows;
  const rows = difference?.rows ?? all;
  const clock = { start: performance.now(), embed: 0, write: 0 };
  const report = (progress: IngestProgress) => tracker.report(progress);
  const step = (index: number) => report({ phase: "writing", done: index, total: writeSteps.length, step: writeSteps[index] });
  await report({ phase: "staging", done: 0, total: rows.patterns.length });
  // Key and hash first; then in full only the patterns that are new or changed.
  await stageIngestRows({ transaction, ...rows, patterns: rows.patterns.map(keyAndHash) });
  const needs = await resolveIngestTargets({ transaction, projectId });
  const needed = new Set(needs.map((need) => need.key));
  await restageIngestPatterns({ transaction, patterns: rows.patterns.filter((pattern) => needed.has(pattern.key)) });
  clock.embed = performance.now();
  const embeddings = await embedNeeded(all, needs.map((need) => need.key), embedder, report);
  clock.write = performance.now();
  await step(0);
  await stageIngestEmbeddings({ transaction, embeddings });
  const details = { source: "ingest", job_id: tracker.jobId, repository: context.repository };
  // Exact lexeme counts are adjusted by the patterns written; others are recounted (when anything changed).
  const adjustLexemes = difference !== undefined && context.last?.lexemesExact === true;
  if (adjustLexemes) await keepReplacedSearchVectors({ transaction });
  const patternChanges = await writeIngestPatterns({ transaction, projectId });
  await step(1);
  let events = await recordIngestPatternEvents({ transaction, projectId, details });
  await step(2);
  const changes = await writeIngestOccurrences({
    transaction, projectId, repository: context.repository, commitSha: context.commitSha ?? null,
    scope: context.scope ?? null, failedFiles: rows.failedFiles, only: difference?.occurrences,
  });
  events += await recordOccurrenceEvents({ transaction, projectId, changes, details });
  await step(3);
  const relationships = await writeIngestRelationships({ transaction, projectId, repository: context.repository, scope: context.scope ?? null, removed: difference?.removedRelationships });
  if (context.sourceFiles) {
    await writeSourceFiles({ transaction, projectId, repository: context.repository, commitSha: context.commitSha ?? null, ...context.sourceFiles });
  }
  await step(4);
  const patternsChanged = patternChanges.created + patternChanges.updated > 0;
  if (patternsChanged && adjustLexemes) await adjustSearchLexemeStats({ transaction, projectId });
  else if (patternsChanged) await refreshSearchLexemeStats({ transaction, projectId });
  // A difference that staged nothing, and no file rows: the state is the one the difference was taken from.
  const untouched = difference && isEmptyDifference(difference) && !context.sourceFiles?.upserts.length && !context.sourceFiles?.deletes.length;
  if (written) context.remembered = await rememberWrite(transaction, remembering, written, patternsChanged || adjustLexemes, untouched ? context.last?.digest : undefined);
  const sum = (pick: (change: (typeof changes)[number]) => number) => changes.reduce((total, change) => total + pick(change), 0);
  const end = performance.now();
  const summary: IngestSummary = {
    job_id: tracker.jobId,
    patterns: { received: all.patterns.length, ...patternChanges, unchanged: all.patterns.length - patternChanges.created - patternChanges.updated },
    occurrences: {
      received: all.occurrences.length,
      added: sum((change) => change.added), moved: sum((change) => change.moved),
      revived: sum((change) => change.revived), removed: sum((change) => change.removed),
    },
    relationships,
    events,
    embedded: embeddings.length,
    embedding_model: embedder.id,
    reembed: null,
    staged: difference ? "difference" : "everything",
    timings_ms: { stage: clock.embed - clock.start, embed: clock.write - clock.embed, write: end - clock.write, total: end - clock.start },
  };
  // The feed's one entry for this run (the per-pattern events above hang under it); a run that
  // changed nothing says nothing, in the feed as in the tables.
  const changedRelationships = relationships.created + relationships.updated + relationships.removed;
  if (events + changedRelationships > 0) {
    await insertPatternEvent({
      transaction, projectId, patternId: null, eventType: "ingest.completed",
      eventData: { ...details, files: context.files ?? null, patterns: summary.patterns, occurrences: summary.occurrences, relationships },
    });
    summary.events = events + 1;
  }
  await finishJobById({ transaction, jobId: tracker.jobId, status: "succeeded", result: { ...summary } });
  return summary;
}

// Files: those the extraction found patterns in or failed to read (the slim CLI payload carries no file count).
function recordIngestMetrics(source: IngestSource, summary: IngestSummary, seconds: number): void {
  const files = new Set([...source.patterns.flatMap((pattern) => pattern.occurrences.map((occurrence) => occurrence.file)), ...source.failures.map((failure) => failure.file)]);
  motifMetrics.ingestDuration().observe({ outcome: "succeeded" }, seconds);
  motifMetrics.ingestFiles().inc(files.size);
  const patterns = motifMetrics.ingestPatterns();
  for (const result of ["created", "updated", "unchanged"] as const) patterns.inc({ result }, summary.patterns[result]);
}

/**
 * Ingests an extraction into a project: embeds new and changed patterns, upserts patterns by
 * their extraction key, reconciles occurrences and relationships, and emits pattern events,
 * in ONE transaction under the caller's row-level security. A `jobs` row (its own small
 * transactions) records the run for the dashboard, failed runs included.
 */
export async function ingestExtraction(options: IngestOptions): Promise<IngestSummary> {
  const embedder = options.embedder ?? createEmbeddingProvider();
  const run = <T>(fn: (transaction: Queryable) => Promise<T>) =>
    options.claims === "service_role" ? asService(options.database, fn) : withUser(options.database, options.claims, fn);
  const rows = buildIngestRows(options.result, embedder.id, options.memory?.rows);
  const tracker = options.tracker ?? createIngestTracker({
    database: options.database, withExtraction: false, onProgress: options.onProgress,
    jobId: await startIngestJob({ ...options, patterns: rows.patterns.length }), projectId: options.projectId,
  });
  const startedAt = performance.now();
  const elapsed = () => (performance.now() - startedAt) / 1000;
  // The job streams announce the job by reading its row: let them before the write holds the database.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const context: WriteContext = { ...options, repository: options.repository ?? "", rows, embedder, tracker, last: options.memory?.last };
  // Forgotten until this write commits: a failed one leaves the project as the memory does not know it.
  if (options.memory) options.memory.last = undefined;
  try {
    const summary = await translateDatabaseErrors(() => run((transaction) => writeIngest(transaction, context)), forbidden);
    if (options.memory) options.memory.last = context.remembered;
    // Trusted maintenance, not data access: the planner's row estimates steer filtered matches.
    await refreshPatternStatistics({ database: options.database, changedRows: summary.patterns.created + summary.patterns.updated });
    await tracker.report({ phase: "done", done: rows.patterns.length, total: rows.patterns.length });
    tracker.close();
    // Unchanged patterns keep the vectors another provider made: a job moves them (trusted work).
    const [queued] = await enqueueReembedJobs({ database: options.database, model: embedder.id, projectId: options.projectId });
    recordIngestMetrics(options.result, summary, elapsed());
    return { ...summary, reembed: queued ? { job_id: queued.job.id, patterns: queued.patterns } : null };
  } catch (error) {
    motifMetrics.ingestDuration().observe({ outcome: "failed" }, elapsed());
    await finishIngestJob({ database: options.database, claims: options.claims, tracker, error: error as Error });
    throw error;
  }
}

// Thrown to roll a rehearsal's transaction back.
class Rehearsed extends Error {}

/**
 * Runs an ingest's write inside a transaction that is rolled back: nothing is kept, no job
 * recorded, no event sent (notifications leave only on commit), the memory untouched. A
 * process that just built its memory of a repository rehearses the next ingest's write (its
 * difference from the last, which stages nothing), so that the database has planned and this
 * process compiled that path before the next ingest needs it.
 */
export async function rehearseIngestWrite(options: Omit<IngestOptions, "claims" | "tracker" | "onProgress" | "sourceFiles"> & { memory: IngestMemory }): Promise<void> {
  const embedder = options.embedder ?? createEmbeddingProvider();
  const rows = buildIngestRows(options.result, embedder.id, options.memory.rows);
  const tracker: IngestTracker = { jobId: randomUUID(), report: async () => {}, persist: async () => {}, close: () => {} };
  const context: WriteContext = { ...options, claims: "service_role", repository: options.repository ?? "", rows, embedder, tracker, memory: options.memory, last: options.memory.last };
  try {
    await asService(options.database, async (transaction) => {
      await writeIngest(transaction, context);
      throw new Rehearsed("rolled back");
    });
  } catch (error) {
    if (!(error instanceof Rehearsed)) throw error;
  }
}
