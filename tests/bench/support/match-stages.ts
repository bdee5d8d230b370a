import { POST as matchRoute } from "@/app/api/v1/patterns/match/route";
import { asService, encodeBinaryCopy, getDatabase, withUser } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { matchQueryTexts } from "@/lib/search";
import type { MatchFilters } from "@/lib/domain";
import { summarize, timeEach } from "./latency";
import { loadOverHttp } from "./load-over-http";
import { matchBody } from "./match-floor";
import { chooseFilterSets, loadIntents, recallOf } from "./match-queries";
import { serveMatchRoute } from "./match-http-server";
import type { BenchWorld } from "./match-world";

const embedder = createBuiltinProvider();
const log = (line: string) => process.stderr.write(`[bench:match] ${line}\n`);

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

/** The bench's requests: every intent unfiltered, and each intent with two of the filter sets. */
export async function buildQueries(world: BenchWorld): Promise<{ unfiltered: Query[]; filtered: Query[] }> {
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

/** p50/p95/p99 of the SQL function alone and of the endpoint over HTTP; throughput at concurrency 8 and 16. */
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
  const limit10: number[] = [];
  for (const query of queries.unfiltered) limit10.push((await sqlOnce(world, query, 10)).ms);
  const sql = {
    unfiltered: await sqlTimes(queries.unfiltered),
    filtered: await sqlTimes(queries.filtered),
    // The limit the recall is measured at (the candidate lists, and ef_search, grow with it).
    unfiltered_limit_10: summarize(limit10),
    by_filter: Object.fromEntries([...byFilter].map(([label, durations]) => [label, summarize(durations)])),
  };
  log(`SQL p99 unfiltered ${sql.unfiltered.p99} ms, filtered ${sql.filtered.p99} ms`);
  const server = await serveMatchRoute(matchRoute);
  const url = `${server.url}/api/v1/patterns/match`;
  const database = await getDatabase();
  // Requests come from a client process of its own (support/load-client.mjs), as an agent's would.
  const load = (list: Query[], concurrency: number) => loadOverHttp({ url, apiKey: world.apiKey, bodies: list.map((query) => matchBody(query)), concurrency, database });
  await load(queries.unfiltered.slice(0, 20), 1); // warm-up
  const unfiltered = await load(queries.unfiltered, 1);
  const filtered = await load(queries.filtered, 1);
  const http = { unfiltered: unfiltered.latency, filtered: filtered.latency };
  log(`HTTP p99 unfiltered ${http.unfiltered.p99} ms, filtered ${http.filtered.p99} ms`);
  const mixed = [...queries.unfiltered, ...queries.filtered];
  const concurrency8 = await load(mixed, 8);
  log(`HTTP at concurrency 8: ${concurrency8.requestsPerSecond} requests/s, p99 ${concurrency8.latency.p99} ms`);
  const concurrency16 = await load(mixed, 16);
  log(`HTTP at concurrency 16: ${concurrency16.requestsPerSecond} requests/s, p99 ${concurrency16.latency.p99} ms (CPU per request: server ${concurrency16.cpu.server_ms} ms, database ${concurrency16.cpu.database_ms} ms, client ${concurrency16.cpu.client_ms} ms; share of the cores ${concurrency16.cpu.share_of_cores})`);
  await server.close();
  return {
    queries: { unfiltered: queries.unfiltered.length, filtered: queries.filtered.length },
    sql_function: sql, http_endpoint: http, http_cpu: { unfiltered: unfiltered.cpu, filtered: filtered.cpu },
    http_concurrency_8: concurrency8, http_concurrency_16: concurrency16,
  };
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
