// The bench's floor stage and recall stage alone, on the real-Postgres database that
// `npm run bench:match` kept (BENCH_MATCH_CACHE=1): the same requests at concurrency 16 through
// less and less of the stack (support/match-floor.ts), with the CPU per request of each layer,
// then recall@10 of the match against the exact scan, by filter set. For the quietest minutes
// a shared machine gives, without the half hour of the whole bench.
//   DATABASE_URL=postgres://…/postgres BENCH_DATABASE_NAME=motif_t13_bench BENCH_MATCH_CACHE=1 \
//     npx tsx tests/bench/support/match-floor-run.ts
// FLOOR_ROUNDS (default 1) repeats the floor stage; FLOOR_RECALL=0 skips recall.
import os from "node:os";
import { runFloor } from "./match-floor";
import { buildPostgresCorpusDatabase } from "./match-postgres";
import { buildQueries, runRecall } from "./match-stages";

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("DATABASE_URL must name the server that holds the bench database");
delete process.env.DATABASE_URL;
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");

const world = await buildPostgresCorpusDatabase(Number(process.env.BENCH_PATTERNS ?? 100_000), serverUrl, Number(process.env.BENCH_POOL ?? 20));
const queries = await buildQueries(world);
for (let round = 1; round <= Number(process.env.FLOOR_ROUNDS ?? 1); round++) {
  const startLoad = load();
  const floor = await runFloor(world, [...queries.unfiltered, ...queries.filtered]);
  console.log(`floor, round ${round} (${queries.unfiltered.length + queries.filtered.length} requests a layer; load ${startLoad} → ${load()})`);
  console.log(`  ${"layer".padEnd(54)} ${"req/s".padStart(7)} ${"p50".padStart(8)} ${"p99".padStart(8)}   CPU ms per request: server / database / client; share of cores; ceiling req/s`);
  for (const [label, { requestsPerSecond, latency, cpu }] of Object.entries(floor)) {
    console.log(`  ${label.padEnd(54)} ${String(requestsPerSecond).padStart(7)} ${latency.p50.toFixed(2).padStart(8)} ${latency.p99.toFixed(2).padStart(8)}   ${cpu.server_ms} / ${cpu.database_ms} / ${cpu.client_ms}; ${cpu.share_of_cores}; ${cpu.ceiling_requests_per_s}`);
  }
}
if (process.env.FLOOR_RECALL !== "0") {
  const recall = await runRecall(world);
  console.log(`recall@10 against exact: unfiltered ${recall.unfiltered}, filtered ${recall.filtered}`);
  for (const [label, value] of Object.entries(recall.by_filter)) console.log(`  ${label.padEnd(32)} ${value.queries} queries, ${value.recall_at_10}`);
}
await world.close();
