// Two definitions of the match's SQL functions side by side over HTTP, in the same minutes: on
// the real-Postgres database that `npm run bench:match` kept (BENCH_MATCH_CACHE=1), each SQL
// file named (a migration's `create or replace function`s) is applied in turn, then the bench's
// filtered requests (each intent with two filter sets) and unfiltered ones are sent at
// concurrency 1, and the mix at concurrency 16, from the bench's load client; rounds alternate.
//   DATABASE_URL=postgres://…/postgres BENCH_DATABASE_NAME=motif_t13_bench BENCH_MATCH_CACHE=1 \
//     npx tsx tests/bench/support/match-http-ab.ts old.sql new.sql
// AB_ROUNDS (default 2) rounds; AB_C16=0 skips the concurrency-16 stage. The last file named
// stays applied. Prints p50/p95/p99 per definition and filter set, and CPU per request.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { POST as matchRoute } from "@/app/api/v1/patterns/match/route";
import { getDatabase } from "@/lib/db";
import { summarize } from "./latency";
import { loadOverHttp } from "./load-over-http";
import { matchBody } from "./match-floor";
import { serveMatchRoute } from "./match-http-server";
import { buildPostgresCorpusDatabase } from "./match-postgres";
import { buildQueries } from "./match-stages";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("DATABASE_URL must name the server that holds the bench database");
const files = process.argv.slice(2);
if (files.length < 2) throw new Error("name two or more SQL files to compare");
const rounds = Number(process.env.AB_ROUNDS ?? 2);
delete process.env.DATABASE_URL;

const world = await buildPostgresCorpusDatabase(Number(process.env.BENCH_PATTERNS ?? 100_000), serverUrl, Number(process.env.BENCH_POOL ?? 20));
const owner = postgres(world.databaseUrl, { max: 1, onnotice: () => {} });
const queries = await buildQueries(world);
const server = await serveMatchRoute(matchRoute);
const url = `${server.url}/api/v1/patterns/match`;
const database = await getDatabase();
const send = (list: typeof queries.filtered, concurrency: number) =>
  loadOverHttp({ url, apiKey: world.apiKey, bodies: list.map((query) => matchBody(query)), concurrency, database, keepDurations: true });
const labels = [...new Set(queries.filtered.map((query) => query.label))];
const durations = new Map<string, Map<string, number[]>>();
const record = (file: string, label: string, values: number[]) => {
  const byLabel = durations.get(file) ?? new Map<string, number[]>();
  byLabel.set(label, [...(byLabel.get(label) ?? []), ...values]);
  durations.set(file, byLabel);
};

await send(queries.unfiltered.slice(0, 20), 1); // warm-up
for (let round = 1; round <= rounds; round++) {
  for (const file of files) {
    await owner.unsafe(readFileSync(file, "utf8"));
    const load = os.loadavg().map((value) => value.toFixed(1)).join(", ");
    const name = path.basename(file);
    await send(queries.filtered.slice(0, 20), 1); // warm-up after the swap
    const lines: string[] = [];
    for (const label of ["none", ...labels]) {
      const list = label === "none" ? queries.unfiltered : queries.filtered.filter((query) => query.label === label);
      const result = await send(list, 1);
      record(name, label, result.durations_ms ?? []);
      lines.push(`  c1 ${label.padEnd(32)} n ${String(result.latency.count).padStart(4)} p50 ${result.latency.p50} p95 ${result.latency.p95} p99 ${result.latency.p99} ms; CPU/request server ${result.cpu.server_ms} database ${result.cpu.database_ms} client ${result.cpu.client_ms} ms`);
    }
    if (process.env.AB_C16 !== "0") {
      const mixed = await send([...queries.unfiltered, ...queries.filtered], 16);
      lines.push(`  c16 mix: ${mixed.requestsPerSecond} requests/s, p99 ${mixed.latency.p99} ms; CPU/request server ${mixed.cpu.server_ms} database ${mixed.cpu.database_ms} client ${mixed.cpu.client_ms} ms; share of cores ${mixed.cpu.share_of_cores}`);
    }
    console.log(`round ${round}, ${name} (load ${load} → ${os.loadavg().map((value) => value.toFixed(1)).join(", ")})\n${lines.join("\n")}`);
  }
}
for (const [name, byLabel] of durations) {
  const filtered = labels.flatMap((label) => byLabel.get(label) ?? []);
  const all = summarize(filtered);
  const none = summarize(byLabel.get("none") ?? []);
  console.log(`${name}, all rounds: c1 unfiltered p50 ${none.p50} p99 ${none.p99} ms; filtered p50 ${all.p50} p95 ${all.p95} p99 ${all.p99} ms (n ${all.count})`);
}
await server.close();
await owner.end();
await world.close();
