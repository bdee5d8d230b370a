// The Postgres CPU each part of a match request costs, per call, on a real Postgres bench
// database that `npm run bench:match` kept (BENCH_MATCH_CACHE=1): one connection, so one
// backend, whose CPU is read from /proc before and after each part; the calls run in the
// caller's transaction (an API key's claims, as the HTTP route runs them). Intents and filters
// are the bench's own (unfiltered, then each intent with two filter sets).
//   DATABASE_URL=postgres://…/motif_s13_bench npx tsx tests/bench/support/match-cpu.ts <manifest.json> [part,...]
// MATCH_CPU_QUERIES (default all) limits the intents; MATCH_CPU_BY_FILTER=1 reports each filter
// set apart. Prints, per part: CPU ms per call in the backend and in Node, wall p50 and p99.
import { readFileSync } from "node:fs";
import { hashApiKey } from "@/lib/auth";
import {
  asService, getProjectByReference, listMatchDetailsByIds, markApiKeyUsedByHash, matchPatternScores, matchPatternsWithDetails, openPostgresDatabase,
  withUser, type JwtClaims, type Queryable,
} from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { matchQueryTexts } from "@/lib/search";
import type { MatchFilters } from "@/lib/domain";
import { summarize } from "./latency";
import { chooseFilterSets, loadIntents } from "./match-queries";
import { processCpuMs } from "./process-cpu";

const manifest = JSON.parse(readFileSync(process.argv[2], "utf8")) as { saved: { projectId: string; apiKey: string } };
const { projectId, apiKey } = manifest.saved;
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must name the bench database");
const database = openPostgresDatabase(url, { maxConnections: 1 });
const embedder = createBuiltinProvider();

const key = await asService(database, (transaction) => markApiKeyUsedByHash({ transaction, keyHash: hashApiKey(apiKey) }));
if (!key) throw new Error("the bench's API key is not in this database");
const claims: JwtClaims = { role: "authenticated", sub: key.id, api_key_id: key.id, api_key_role: key.role, project_id: key.project_id };

interface Input {
  intent: string;
  /** The filter set's label ("none" unfiltered), for MATCH_CPU_BY_FILTER. */
  label: string;
  keywords: string;
  filters: MatchFilters;
  embedding: Float32Array;
  /** The ids the match answers (filled before the parts run), for the parts that take them. */
  ids: string[];
}

const intents = loadIntents().slice(0, Number(process.env.MATCH_CPU_QUERIES ?? Infinity));
const filterSets = await chooseFilterSets(database, projectId);
const inputs: Input[] = [];
for (const [index, intent] of intents.entries()) {
  const texts = matchQueryTexts({ intent });
  const [embedding] = await embedder.embed([texts.embedding]);
  const sets = [{ label: "none", filters: {} }, filterSets[index % filterSets.length], filterSets[(index + 2) % filterSets.length]];
  for (const set of sets) inputs.push({ intent, label: set.label, keywords: texts.keywords, filters: set.filters, embedding: Float32Array.from(embedding), ids: [] });
}

const vectorText = (input: Input) => `[${Array.from(input.embedding).join(",")}]`;
for (const input of inputs) {
  const rows = await withUser(database, claims, (transaction) => matchPatternScores({
    transaction, projectId, embedding: input.embedding, queryText: input.keywords, filters: input.filters, limit: 5, minSimilarity: 0,
  }));
  input.ids = rows.map((row) => row.id);
}

const parts: Record<string, (transaction: Queryable, input: Input) => Promise<unknown>> = {
  "select 1": (transaction) => transaction.query(`select 1`),
  project: (transaction) => getProjectByReference({ transaction, reference: projectId }),
  match_patterns: (transaction, input) => matchPatternScores({
    transaction, projectId, embedding: input.embedding, queryText: input.keywords, filters: input.filters, limit: 5, minSimilarity: 0,
  }),
  // The vector list alone (unfiltered shape), at MATCH_CPU_EF_SEARCH (default 120), after a settings statement.
  "hnsw list": async (transaction, input) => {
    await transaction.query(`select set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, [process.env.MATCH_CPU_EF_SEARCH ?? "120"]);
    return transaction.query(
      `select id from public.patterns p where p.project_id = $2 and p.status = 'active' and p.embedding is not null
       order by p.embedding operator(extensions.<=>) $1::extensions.vector limit 50`, [vectorText(input), projectId]);
  },
  "settings statement": (transaction) => transaction.query(`select set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, ["120"]),
  counters: (transaction, input) => transaction.query(`select * from public.record_pattern_match_counts($1::uuid[])`, [input.ids]),
  details: (transaction, input) => listMatchDetailsByIds({ transaction, ids: input.ids, occurrenceLimit: 50 }),
  "whole statement": (transaction, input) => matchPatternsWithDetails({
    transaction, projectId, embedding: input.embedding, queryText: input.keywords, filters: input.filters, limit: 5, minSimilarity: 0, occurrenceLimit: 50,
  }),
  "project + whole statement": async (transaction, input) => {
    await getProjectByReference({ transaction, reference: projectId });
    return matchPatternsWithDetails({
      transaction, projectId, embedding: input.embedding, queryText: input.keywords, filters: input.filters, limit: 5, minSimilarity: 0, occurrenceLimit: 50,
    });
  },
};

const [{ pid }] = await database.query<{ pid: number }>(`select pg_backend_pid() as pid`);
const wanted = process.argv[3]?.split(",");
// Groups: unfiltered and filtered, or with MATCH_CPU_BY_FILTER=1 each filter set on its own.
const groups: Array<{ label: string; chosen: Input[] }> = process.env.MATCH_CPU_BY_FILTER === "1"
  ? [...new Set(inputs.map((input) => input.label))].map((label) => ({ label, chosen: inputs.filter((input) => input.label === label) }))
  : [true, false].map((unfiltered) => ({
    label: unfiltered ? "unfiltered" : "filtered",
    chosen: inputs.filter((input) => (input.label === "none") === unfiltered),
  }));
for (const [label, part] of Object.entries(parts)) {
  if (wanted && !wanted.includes(label)) continue;
  for (const { label: group, chosen } of groups) {
    for (const input of chosen.slice(0, 20)) await withUser(database, claims, (transaction) => part(transaction, input));
    const backendBefore = processCpuMs(pid);
    const nodeBefore = process.cpuUsage();
    const durations: number[] = [];
    for (const input of chosen) {
      const started = performance.now();
      await withUser(database, claims, (transaction) => part(transaction, input));
      durations.push(performance.now() - started);
    }
    const node = process.cpuUsage(nodeBefore);
    const backendMs = (processCpuMs(pid) - backendBefore) / chosen.length;
    const nodeMs = (node.user + node.system) / 1000 / chosen.length;
    const wall = summarize(durations);
    process.stdout.write(`${label.padEnd(26)} ${group.padEnd(30)} n ${String(chosen.length).padStart(4)}  backend ${backendMs.toFixed(2).padStart(6)} ms  node ${nodeMs.toFixed(2).padStart(5)} ms  wall p50 ${wall.p50.toFixed(2).padStart(6)} p99 ${wall.p99.toFixed(2).padStart(6)} ms\n`);
  }
}
await database.close();
