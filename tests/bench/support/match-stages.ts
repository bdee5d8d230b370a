import { randomBytes } from "node:crypto";
import { POST as matchRoute } from "@/app/api/v1/patterns/match/route";
import { hashApiKey } from "@/lib/auth";
import { asService, encodeBinaryCopy, getDatabase, withUser, type Database, type JwtClaims } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction, type IngestSummary } from "@/lib/ingest";
import { matchQueryTexts, type MatchFilters } from "@/lib/search";
import { summarize, throughput, timeEach } from "./latency";
import { buildBenchSource, loadRealCorpus } from "./match-corpus";
import { chooseFilterSets, loadIntents, recallOf } from "./match-queries";
import { serveMatchRoute } from "./match-http-server";

const embedder = createBuiltinProvider();
const log = (line: string) => process.stderr.write(`[bench:match] ${line}\n`);

/** The loaded database and who queries it. */
export interface BenchWorld {
  database: Database;
  projectId: string;
  claims: JwtClaims;
  apiKey: string;
  patternCount: number;
  occurrenceCount: number;
  corpus: { real_patterns: number; sources: string[]; extraction_ms: number };
  ingest: IngestSummary["timings_ms"] & { patterns_per_s: number; write_rows_per_s: number; events: number };
  hnswBuildMs: number;
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

/** Extracts the real corpus, ingests `count` patterns through ingestExtraction, builds the HNSW index. */
export async function buildCorpusDatabase(count: number): Promise<BenchWorld> {
  const corpus = await loadRealCorpus();
  log(`${corpus.patterns.length} real patterns extracted (${Math.round(corpus.extractionMs / 1000)} s); generating ${count}`);
  const source = buildBenchSource(corpus, count);
  const database = await getDatabase({ command: "bench:match" });
  const owner = await createOwner(database);
  // Bulk load without the ANN index, then build it once: what an operator does for a big import.
  await database.exec(`drop index public.patterns_embedding_idx`);
  const summary = await ingestExtraction({
    database, claims: "service_role", projectId: owner.projectId, result: source, embedder,
    onProgress: (progress) => progress.phase !== "embedding" && log(`ingest: ${progress.phase}`),
  });
  const [{ occurrences }] = await database.query<{ occurrences: number }>(`select count(*)::int as occurrences from public.pattern_occurrences`);
  log(`ingested ${summary.patterns.created} patterns, ${occurrences} occurrences in ${Math.round(summary.timings_ms.total / 1000)} s`);
  await addUsageHistory(database, owner.projectId);
  const hnswStarted = performance.now();
  await database.exec(`set maintenance_work_mem = '1GB'; create index patterns_embedding_idx on public.patterns using hnsw (embedding extensions.vector_cosine_ops); reset maintenance_work_mem; analyze public.patterns`);
  const hnswBuildMs = performance.now() - hnswStarted;
  log(`HNSW built in ${Math.round(hnswBuildMs / 1000)} s`);
  const rowsWritten = summary.patterns.created + occurrences + summary.events;
  return {
    database, projectId: owner.projectId, apiKey: owner.apiKey,
    claims: { role: "authenticated", sub: owner.userId, aud: "authenticated" },
    patternCount: summary.patterns.created, occurrenceCount: occurrences,
    corpus: { real_patterns: corpus.patterns.length, sources: corpus.sources, extraction_ms: Math.round(corpus.extractionMs) },
    ingest: {
      ...summary.timings_ms, events: summary.events,
      patterns_per_s: Math.round(summary.patterns.created / (summary.timings_ms.total / 1000)),
      write_rows_per_s: Math.round(rowsWritten / ((summary.timings_ms.stage + summary.timings_ms.write) / 1000)),
    },
    hnswBuildMs: Math.round(hnswBuildMs),
    close: () => database.close(),
  };
}

/** Binary COPY against parameterised text inserts, the same 2,000 pattern rows into a scratch table. */
export async function measureCopyBaseline(world: BenchWorld) {
  const rows = await world.database.query<{ name: string; code: string; embedding: string }>(
    `select name, code, embedding::text as embedding from public.patterns order by id limit 2000`,
  );
  const vectors = rows.map((row) => JSON.parse(row.embedding) as number[]);
  return asService(world.database, async (transaction) => {
    await transaction.query(`create temp table scratch (name text, code text, embedding extensions.vector(384)) on commit drop`);
    const textStarted = performance.now();
    for (let start = 0; start < rows.length; start += 100) {
      const chunk = rows.slice(start, start + 100);
      const values = chunk.map((_, index) => `($${index * 3 + 1}, $${index * 3 + 2}, $${index * 3 + 3}::extensions.vector)`).join(", ");
      await transaction.query(`insert into pg_temp.scratch values ${values}`, chunk.flatMap((row, index) => [row.name, row.code, `[${vectors[start + index].join(",")}]`]));
    }
    const textMs = performance.now() - textStarted;
    const copyStarted = performance.now();
    const data = encodeBinaryCopy(["text", "text", "vector"], rows.map((row, index) => [row.name, row.code, vectors[index]]));
    await transaction.copyBinary({ table: "scratch", columns: ["name", "code", "embedding"], data });
    const copyMs = performance.now() - copyStarted;
    const perSecond = (ms: number) => Math.round(rows.length / (ms / 1000));
    return { rows: rows.length, text_insert_rows_per_s: perSecond(textMs), binary_copy_rows_per_s: perSecond(copyMs), ratio: Math.round((textMs / copyMs) * 10) / 10 };
  });
}

interface Query {
  intent: string;
  label: string;
  filters: MatchFilters;
}

async function buildQueries(world: BenchWorld): Promise<{ unfiltered: Query[]; filtered: Query[] }> {
  const intents = loadIntents();
  const filterSets = await chooseFilterSets(world.database, world.projectId);
  return {
    unfiltered: intents.map((intent) => ({ intent, label: "none", filters: {} })),
    filtered: intents.flatMap((intent, index) => [filterSets[index % filterSets.length], filterSets[(index + 2) % filterSets.length]].map((set) => ({ intent, ...set }))),
  };
}

async function sqlOnce(world: BenchWorld, query: Query, limit = 5) {
  const [embedding] = await embedder.embed([matchQueryTexts({ intent: query.intent }).embedding]);
  return withUser(world.database, world.claims, async (transaction) => {
    const started = performance.now();
    const rows = await transaction.query<{ id: string }>(`select id from public.match_patterns($1::extensions.vector, $2, $3, $4::jsonb, $5)`, [
      `[${Array.from(embedding).join(",")}]`, query.intent, world.projectId, JSON.stringify(query.filters), limit,
    ]);
    return { ms: performance.now() - started, ids: rows.map((row) => row.id) };
  });
}

/** p50/p95/p99 of the SQL function alone and of the endpoint over HTTP; throughput at concurrency 8. */
export async function runLatencies(world: BenchWorld) {
  const queries = await buildQueries(world);
  const byFilter = new Map<string, number[]>();
  const sqlTimes = async (list: Query[]) => {
    const durations: number[] = [];
    for (const query of list) {
      const { ms } = await sqlOnce(world, query);
      durations.push(ms);
      byFilter.set(query.label, [...(byFilter.get(query.label) ?? []), ms]);
    }
    return summarize(durations);
  };
  await timeEach(queries.unfiltered.slice(0, 20), (query) => sqlOnce(world, query)); // warm-up
  const sql = {
    unfiltered: await sqlTimes(queries.unfiltered),
    filtered: await sqlTimes(queries.filtered),
    by_filter: Object.fromEntries([...byFilter].map(([label, durations]) => [label, summarize(durations)])),
  };
  log(`SQL p99 unfiltered ${sql.unfiltered.p99} ms, filtered ${sql.filtered.p99} ms`);
  const server = await serveMatchRoute(matchRoute);
  const post = async (query: Query) => {
    const response = await fetch(`${server.url}/api/v1/patterns/match`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${world.apiKey}` },
      body: JSON.stringify({ intent: query.intent, filters: Object.keys(query.filters).length ? query.filters : undefined, limit: 5 }),
    });
    if (response.status !== 200) throw new Error(`match answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  await timeEach(queries.unfiltered.slice(0, 20), post); // warm-up
  const http = { unfiltered: summarize(await timeEach(queries.unfiltered, post)), filtered: summarize(await timeEach(queries.filtered, post)) };
  log(`HTTP p99 unfiltered ${http.unfiltered.p99} ms, filtered ${http.filtered.p99} ms`);
  const concurrency8 = await throughput([...queries.unfiltered, ...queries.filtered], 8, post);
  await server.close();
  return { queries: { unfiltered: queries.unfiltered.length, filtered: queries.filtered.length }, sql_function: sql, http_endpoint: http, http_concurrency_8: concurrency8 };
}

// The same match with the vector branch forced to an exact scan (no index scans: sequential or
// bitmap scan, then sort). Full text uses bitmap scans either way, so differences are the ANN's.
async function exactIds(world: BenchWorld, query: Query) {
  const [embedding] = await embedder.embed([matchQueryTexts({ intent: query.intent }).embedding]);
  return withUser(world.database, world.claims, async (transaction) => {
    await transaction.query(`set local enable_indexscan = off`);
    const rows = await transaction.query<{ id: string }>(`select id from public.match_patterns($1::extensions.vector, $2, $3, $4::jsonb, 10)`, [
      `[${Array.from(embedding).join(",")}]`, query.intent, world.projectId, JSON.stringify(query.filters),
    ]);
    return rows.map((row) => row.id);
  });
}

/** recall@10 of the match (top 10 with the HNSW index vs with an exact scan), by filter. */
export async function runRecall(world: BenchWorld) {
  const queries = await buildQueries(world);
  const byLabel = new Map<string, number[]>();
  for (const query of [...queries.unfiltered, ...queries.filtered]) {
    const approximate = (await sqlOnce(world, query, 10)).ids;
    const recall = recallOf(approximate, await exactIds(world, query));
    byLabel.set(query.label, [...(byLabel.get(query.label) ?? []), recall]);
  }
  const mean = (values: number[]) => Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 1000) / 1000;
  const filtered = [...byLabel].filter(([label]) => label !== "none").flatMap(([, values]) => values);
  return {
    unfiltered: mean(byLabel.get("none") ?? []),
    filtered: mean(filtered),
    by_filter: Object.fromEntries([...byLabel].map(([label, values]) => [label, { queries: values.length, recall_at_10: mean(values) }])),
  };
}
