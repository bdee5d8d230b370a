// `npm run bench:match`: the knowledge base at scale, built-in embedder. 100k patterns made
// from real extracted code (Python stdlib + TS/JS packages, then variations of them), loaded
// by `ingestExtraction` (binary COPY), HNSW built, then: latency of the SQL function alone and
// of POST /api/v1/patterns/match over HTTP, unfiltered and filtered; recall@10 against an exact
// scan; throughput at concurrency 8 and 16.
// Embedded (PGlite) always; with DATABASE_URL also on that real Postgres (a database of the
// bench's own, BENCH_DATABASE_NAME, default motif_bench_match, created and dropped), printed
// beside the embedded figures of the same run. BENCH_EMBEDDED=0 skips the embedded part.
// BENCH_PATTERNS=20000 for a quick run. BENCH_MATCH_CACHE=1 keeps the loaded embedded database
// in the temp folder and reuses it on the next run of the same size (ingest and HNSW figures
// are then the run that built it; see support/match-db-cache.ts). Figures: stdout and
// tests/bench/results/match.json (embedded), match-postgres.json (real Postgres).
// BENCH_MATCH_CACHE=rebuild builds afresh and replaces the cache.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildQueries, runLatencies, runRecall, measureCopyBaseline } from "./support/match-stages";
import { runFloor } from "./support/match-floor";
import { buildCorpusDatabase, type BenchWorld } from "./support/match-world";
import { buildPostgresCorpusDatabase } from "./support/match-postgres";
import { printMatchComparison, printMatchReport, type MatchResults } from "./support/match-report";

const count = Number(process.env.BENCH_PATTERNS ?? 100_000);
const serverUrl = process.env.DATABASE_URL;
const runEmbedded = process.env.BENCH_EMBEDDED !== "0";
const poolSize = Number(process.env.BENCH_POOL ?? 20);
delete process.env.DATABASE_URL;
const resultsFolder = path.join(import.meta.dirname, "results");
const round = (load: number) => Math.round(load * 100) / 100;

async function measure(world: BenchWorld, command: string, startedAt: number, loadAtStart: number[], extra: Record<string, unknown>) {
  const [{ shared_buffers: bufferPool }] = await world.database.query<{ shared_buffers: string }>(`show shared_buffers`);
  const baseline = await measureCopyBaseline(world);
  const latency = await runLatencies(world);
  const recall = await runRecall(world);
  const queries = await buildQueries(world);
  const floor = await runFloor(world, [...queries.unfiltered, ...queries.filtered]);
  return {
    command,
    ...extra,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, load_average: { at_start: loadAtStart, at_end: os.loadavg().map(round) } },
    database_from_cache: world.fromCache,
    patterns: world.patternCount,
    occurrences: world.occurrenceCount,
    corpus: world.corpus,
    ingest: world.ingest,
    copy_baseline: baseline,
    hnsw_build_ms: world.hnswBuildMs,
    buffer_pool: bufferPool,
    latency,
    recall,
    floor,
    total_s: Math.round((performance.now() - startedAt) / 100) / 10,
  } satisfies MatchResults & Record<string, unknown>;
}

function save(file: string, results: unknown) {
  mkdirSync(resultsFolder, { recursive: true });
  writeFileSync(path.join(resultsFolder, file), `${JSON.stringify(results, null, 2)}\n`);
}

async function embeddedRun(): Promise<MatchResults> {
  const startedAt = performance.now();
  const loadAtStart = os.loadavg().map(round);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "motif-bench-match-"));
  process.env.MOTIF_DATA_DIR = dataDir;
  const world = await buildCorpusDatabase(count, dataDir);
  const results = await measure(world, `BENCH_PATTERNS=${count} npm run bench:match`, startedAt, loadAtStart, { database: "embedded (PGlite)" });
  await world.close();
  (globalThis as unknown as { motifDatabase?: unknown }).motifDatabase = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  save("match.json", results);
  return results;
}

async function postgresRun(url: string): Promise<MatchResults> {
  const startedAt = performance.now();
  const loadAtStart = os.loadavg().map(round);
  // Enough connections for concurrency 16 on a direct connection (MOTIF_DB_POOL_MAX's role);
  // BENCH_POOL sets another size (on 2 cores, 4 costs less CPU per request: docs/match-benchmark.md).
  const world = await buildPostgresCorpusDatabase(count, url, poolSize);
  const [{ version }] = await world.database.query<{ version: string }>(
    `select split_part(version(), ' ', 2) || ', pgvector ' || (select extversion from pg_extension where extname = 'vector') as version`);
  const results = await measure(world, `DATABASE_URL=… BENCH_PATTERNS=${count} npm run bench:match`, startedAt, loadAtStart, { database: `PostgreSQL ${version} (postgres.js, pool of ${poolSize})` });
  await world.close();
  save("match-postgres.json", results);
  return results;
}

const embedded = runEmbedded ? await embeddedRun() : undefined;
if (embedded) printMatchReport(embedded);
const onPostgres = serverUrl ? await postgresRun(serverUrl) : undefined;
if (onPostgres) {
  printMatchReport(onPostgres);
  printMatchComparison({ embedded, postgres: onPostgres });
}
