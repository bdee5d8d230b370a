import { randomBytes } from "node:crypto";
import { hashApiKey } from "@/lib/auth";
import { asService, getDatabase, type Database, type JwtClaims } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction, type IngestSummary } from "@/lib/ingest";
import { buildBenchSource, corpusCacheFile, loadRealCorpus } from "./match-corpus";
import { matchCacheEnabled, matchCacheFolder, restoreMatchCache, storeMatchCache } from "./match-db-cache";

const embedder = createBuiltinProvider();
const log = (line: string) => process.stderr.write(`[bench:match] ${line}\n`);

/** What a loaded database is, apart from the database itself (saved with a cached one). */
export interface WorldFacts {
  projectId: string;
  userId: string;
  apiKey: string;
  patternCount: number;
  occurrenceCount: number;
  corpus: { real_patterns: number; sources: string[]; extraction_ms: number };
  ingest: IngestSummary["timings_ms"] & { patterns_per_s: number; write_rows_per_s: number; events: number };
  hnswBuildMs: number;
}

/** The loaded database and who queries it. */
export interface BenchWorld extends Omit<WorldFacts, "userId"> {
  database: Database;
  claims: JwtClaims;
  /** True when the database came from the BENCH_MATCH_CACHE copy (ingest and build figures are that run's). */
  fromCache: boolean;
  close: () => Promise<void>;
}

async function createOwner(database: Database) {
  const apiKey = `motif_${randomBytes(32).toString("base64url")}`;
  return asService(database, async (transaction) => {
    const [{ id: userId }] = await transaction.query<{ id: string }>(`insert into auth.users (email) values ('bench@example.com') returning id`);
    const [{ id: projectId }] = await transaction.query<{ id: string }>(`insert into public.projects (name, slug, created_by) values ('Bench', 'bench', $1) returning id`, [userId]);
    await transaction.query(`insert into public.project_members (project_id, user_id, role) values ($1, $2, 'member')`, [projectId, userId]);
    await transaction.query(
      `insert into public.api_keys (project_id, name, role, key_prefix, key_hash) values ($1, 'bench agent', 'viewer', $2, $3)`,
      [projectId, apiKey.slice(0, 12), hashApiKey(apiKey)],
    );
    return { userId, projectId, apiKey };
  });
}

// Outcomes, ratings and lifecycle states as a used knowledge base has them (deterministic per id).
async function addUsageHistory(database: Database, projectId: string) {
  await database.query(
    `with h as (select id, ('x' || substr(md5(id::text), 1, 8))::bit(32)::int as n from public.patterns where project_id = $1)
     update public.patterns p set
       success_count = case when abs(h.n) % 3 = 0 then abs(h.n) % 17 else 0 end,
       failure_count = case when abs(h.n) % 3 = 0 then abs(h.n / 17) % 5 else 0 end,
       status = case abs(h.n / 7) % 20 when 0 then 'deprecated' when 1 then 'pending' else 'active' end
     from h where p.id = h.id`,
    [projectId],
  );
}

// Bulk load without the ANN index, then build it once, as the migrations define it (build
// parameters included): what an operator does for a big import.
export async function loadPatterns(database: Database, count: number): Promise<WorldFacts> {
  const corpus = await loadRealCorpus();
  log(`${corpus.patterns.length} real patterns extracted (${Math.round(corpus.extractionMs / 1000)} s); generating ${count}`);
  const source = buildBenchSource(corpus, count);
  const owner = await createOwner(database);
  // Every HNSW graph of the patterns (the whole table's and the per-type ones of 20261209130003).
  const graphs = await database.query<{ name: string; definition: string }>(
    `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition from pg_index i
     join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
     where i.indrelid = 'public.patterns'::regclass and a.amname = 'hnsw' order by c.relname`);
  const definition = graphs.map((graph) => graph.definition).join("; ");
  await database.exec(graphs.map((graph) => `drop index ${graph.name}`).join("; "));
  const summary = await ingestExtraction({
    database, claims: "service_role", projectId: owner.projectId, result: source, embedder,
    onProgress: (progress) => progress.phase !== "embedding" && log(`ingest: ${progress.phase}`),
  });
  const [{ occurrences }] = await database.query<{ occurrences: number }>(`select count(*)::int as occurrences from public.pattern_occurrences`);
  log(`ingested ${summary.patterns.created} patterns, ${occurrences} occurrences in ${Math.round(summary.timings_ms.total / 1000)} s`);
  await addUsageHistory(database, owner.projectId);
  const hnswStarted = performance.now();
  await database.exec(`set maintenance_work_mem = '1GB'; ${definition}; reset maintenance_work_mem; analyze public.patterns`);
  const hnswBuildMs = performance.now() - hnswStarted;
  log(`HNSW built in ${Math.round(hnswBuildMs / 1000)} s (${definition})`);
  const rowsWritten = summary.patterns.created + occurrences + summary.events;
  return {
    ...owner,
    patternCount: summary.patterns.created, occurrenceCount: occurrences,
    corpus: { real_patterns: corpus.patterns.length, sources: corpus.sources, extraction_ms: Math.round(corpus.extractionMs) },
    ingest: {
      ...summary.timings_ms, events: summary.events,
      patterns_per_s: Math.round(summary.patterns.created / (summary.timings_ms.total / 1000)),
      write_rows_per_s: Math.round(rowsWritten / ((summary.timings_ms.stage + summary.timings_ms.write) / 1000)),
    },
    hnswBuildMs: Math.round(hnswBuildMs),
  };
}

export function worldOf(database: Database, facts: WorldFacts, fromCache: boolean): BenchWorld {
  const { userId, ...rest } = facts;
  return { ...rest, database, fromCache, claims: { role: "authenticated", sub: userId, aud: "authenticated" }, close: () => database.close() };
}

// getDatabase keeps one database per process; after closing it to copy its files, the next
// getDatabase (the route's) must open the data dir again.
function forgetProcessDatabase() {
  (globalThis as unknown as { motifDatabase?: unknown }).motifDatabase = undefined;
}

/**
 * Extracts the real corpus, ingests `count` patterns through ingestExtraction, builds the HNSW
 * index; with BENCH_MATCH_CACHE=1, reuses (or saves) the loaded data dir (see match-db-cache).
 */
export async function buildCorpusDatabase(count: number, dataDir: string): Promise<BenchWorld> {
  const cached = matchCacheEnabled();
  if (cached) await loadRealCorpus();
  const folder = cached ? matchCacheFolder(count, corpusCacheFile) : undefined;
  const restored = folder ? restoreMatchCache<WorldFacts>(folder, dataDir) : undefined;
  if (restored) {
    log(`database restored from ${folder} (BENCH_MATCH_CACHE=1)`);
    return worldOf(await getDatabase({ command: "bench:match", serving: true }), restored, true);
  }
  const database = await getDatabase({ command: "bench:match", serving: true });
  const facts = await loadPatterns(database, count);
  // Measured as a server finds the data dir when it starts: reopened, so that the buffer pool
  // is sized for the loaded database (lib/db/buffer-pool-size.ts), as `motif serve` sizes it.
  await database.close();
  if (folder) {
    storeMatchCache(folder, dataDir, facts);
    log(`database saved to ${folder} (BENCH_MATCH_CACHE=1)`);
  }
  forgetProcessDatabase();
  return worldOf(await getDatabase({ command: "bench:match", serving: true }), facts, false);
}
