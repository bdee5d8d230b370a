// `npm run bench:match`: the knowledge base at scale, embedded (PGlite), built-in embedder.
// 100k patterns made from real extracted code (Python stdlib + TS/JS packages, then
// variations of them), loaded by `ingestExtraction` (binary COPY), HNSW built, then: latency
// of the SQL function alone and of POST /api/v1/patterns/match over HTTP, unfiltered and
// filtered; recall@10 against an exact scan; throughput at concurrency 8.
// BENCH_PATTERNS=20000 for a quick run. BENCH_MATCH_CACHE=1 keeps the loaded database in the
// temp folder and reuses it on the next run of the same size (ingest and HNSW figures are then
// the run that built it; see support/match-db-cache.ts). Figures: stdout and
// tests/bench/results/match.json. BENCH_MATCH_CACHE=rebuild builds afresh and replaces the cache.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runLatencies, runRecall, measureCopyBaseline } from "./support/match-stages";
import { buildCorpusDatabase } from "./support/match-world";
import { printMatchReport } from "./support/match-report";

const count = Number(process.env.BENCH_PATTERNS ?? 100_000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "motif-bench-match-"));
process.env.MOTIF_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const startedAt = performance.now();
const loadAtStart = os.loadavg().map((load) => Math.round(load * 100) / 100);
const world = await buildCorpusDatabase(count, dataDir);
const [{ shared_buffers: bufferPool }] = await world.database.query<{ shared_buffers: string }>(`show shared_buffers`);
const baseline = await measureCopyBaseline(world);
const latency = await runLatencies(world);
const recall = await runRecall(world);
const results = {
  command: `BENCH_PATTERNS=${count} npm run bench:match`,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, load_average: { at_start: loadAtStart, at_end: os.loadavg().map((load) => Math.round(load * 100) / 100) } },
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
  total_s: Math.round((performance.now() - startedAt) / 100) / 10,
};
await world.close();
rmSync(dataDir, { recursive: true, force: true });
const resultsFolder = path.join(import.meta.dirname, "results");
mkdirSync(resultsFolder, { recursive: true });
writeFileSync(path.join(resultsFolder, "match.json"), `${JSON.stringify(results, null, 2)}\n`);
printMatchReport(results);
