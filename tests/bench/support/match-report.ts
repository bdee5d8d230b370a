import type { LatencySummary } from "./latency";
import type { LoadCost, LoadResult } from "./load-over-http";

/** What one run of the match benchmark measured (one database). */
export interface MatchResults {
  database?: string;
  command: string;
  patterns: number;
  occurrences: number;
  ingest: { patterns_per_s: number; write_rows_per_s: number; total: number };
  copy_baseline: { rows: number; text_insert_rows_per_s: number; binary_copy_rows_per_s: number; ratio: number };
  hnsw_build_ms: number;
  /** Embedded Postgres' shared_buffers while measuring. */
  buffer_pool: string;
  latency: {
    sql_function: Record<"unfiltered" | "filtered", LatencySummary>;
    http_endpoint: Record<"unfiltered" | "filtered", LatencySummary>;
    http_cpu: Record<"unfiltered" | "filtered", LoadCost>;
    http_concurrency_8: LoadResult;
    http_concurrency_16: LoadResult;
  };
  recall: { unfiltered: number; filtered: number; by_filter: Record<string, { queries: number; recall_at_10: number }> };
  /** The same requests at concurrency 16 through less of the stack (support/match-floor.ts). */
  floor: Record<string, LoadResult>;
  machine: { cpus: number; load_average: { at_start: number[]; at_end: number[] } } & Record<string, unknown>;
  total_s: number;
}

const row = (name: string, summary: LatencySummary) =>
  `${name.padEnd(34)} ${String(summary.count).padStart(5)} ${summary.p50.toFixed(2).padStart(8)} ${summary.p95.toFixed(2).padStart(8)} ${summary.p99.toFixed(2).padStart(8)}`;

const floorRow = (label: string, { requestsPerSecond, latency, cpu }: LoadResult) =>
  `  ${label.padEnd(54)} ${String(requestsPerSecond).padStart(7)} ${latency.p50.toFixed(2).padStart(8)} ${latency.p99.toFixed(2).padStart(8)}   ` +
  `${cpu.server_ms} / ${cpu.database_ms} / ${cpu.client_ms}; ${cpu.share_of_cores}; ${cpu.ceiling_requests_per_s}`;

/** Prints the figures as a table, with the targets of issue 4 checked. */
export function printMatchReport(results: MatchResults): void {
  const { latency, recall } = results;
  const httpP99 = Math.max(latency.http_endpoint.unfiltered.p99, latency.http_endpoint.filtered.p99);
  const lines = [
    `Match benchmark${results.database ? ` on ${results.database}` : ""}: ${results.patterns.toLocaleString("en-US")} patterns, ${results.occurrences.toLocaleString("en-US")} occurrences (${results.command})`,
    `Ingest: ${results.ingest.patterns_per_s} patterns/s end to end (embedding included), ${results.ingest.write_rows_per_s} rows/s written`,
    `Binary COPY ${results.copy_baseline.binary_copy_rows_per_s} rows/s vs text insert ${results.copy_baseline.text_insert_rows_per_s} rows/s (${results.copy_baseline.ratio}x, ${results.copy_baseline.rows} rows)`,
    `HNSW build: ${(results.hnsw_build_ms / 1000).toFixed(1)} s; buffer pool (shared_buffers) ${results.buffer_pool}`,
    "",
    `${"latency (ms)".padEnd(34)} ${"n".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}`,
    row("SQL function, unfiltered", latency.sql_function.unfiltered),
    row("SQL function, filtered", latency.sql_function.filtered),
    row("HTTP endpoint, unfiltered", latency.http_endpoint.unfiltered),
    row("HTTP endpoint, filtered", latency.http_endpoint.filtered),
    row("HTTP endpoint, concurrency 8", latency.http_concurrency_8.latency),
    row("HTTP endpoint, concurrency 16", latency.http_concurrency_16.latency),
    `Throughput: ${latency.http_concurrency_8.requestsPerSecond} requests/s at concurrency 8, ${latency.http_concurrency_16.requestsPerSecond} at 16`,
    "",
    `recall@10 vs exact: unfiltered ${recall.unfiltered}, filtered ${recall.filtered}`,
    ...Object.entries(recall.by_filter).map(([label, value]) => `  ${label.padEnd(40)} ${value.recall_at_10} (${value.queries} queries)`),
    "",
    "Floor at concurrency 16 (the same requests through less of the stack):",
    `  ${"".padEnd(54)} ${"req/s".padStart(7)} ${"p50".padStart(8)} ${"p99".padStart(8)}   CPU ms per request: server / database / client; share of cores; ceiling req/s`,
    ...Object.entries(results.floor).map(([label, value]) => floorRow(label, value)),
    floorRow("HTTP: whole match route, the concurrency 16 stage above", latency.http_concurrency_16),
    `Load average (1, 5, 15 min): ${results.machine.load_average.at_start.join(", ")} at start, ${results.machine.load_average.at_end.join(", ")} at end`,
    "",
    `Targets: HTTP p99 <= 15 ms: ${httpP99 <= 15 ? "met" : "NOT met"} (${httpP99} ms); recall@10 >= 0.95: ${Math.min(recall.unfiltered, recall.filtered) >= 0.95 ? "met" : "NOT met"}`,
    `Total ${results.total_s} s`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

const cell = (value: string) => value.padStart(16);

/**
 * The real-Postgres figures beside the embedded ones of the same run, with the Supabase-mode
 * bars checked: filtered p99 <= 15 ms at concurrency 1, >= 400 requests/s with p99 <= 50 ms at
 * concurrency 16, recall@10 >= 0.95.
 */
export function printMatchComparison({ embedded, postgres }: { embedded?: MatchResults; postgres: MatchResults }): void {
  const columns = [embedded, postgres];
  const line = (name: string, pick: (results: MatchResults) => string) =>
    `${name.padEnd(40)}${columns.map((results) => cell(results ? pick(results) : "(not run)")).join("")}`;
  const c16 = postgres.latency.http_concurrency_16;
  const filteredP99 = postgres.latency.http_endpoint.filtered.p99;
  const recall = Math.min(postgres.recall.unfiltered, postgres.recall.filtered);
  const verdict = (met: boolean) => (met ? "met" : "NOT met");
  const lines = [
    "",
    `Side by side (${postgres.patterns.toLocaleString("en-US")} patterns)`,
    `${"".padEnd(40)}${cell("embedded")}${cell("real Postgres")}`,
    line("ingest, patterns/s (embedding included)", (results) => String(results.ingest.patterns_per_s)),
    line("binary COPY, rows/s", (results) => String(results.copy_baseline.binary_copy_rows_per_s)),
    line("HNSW build, s", (results) => (results.hnsw_build_ms / 1000).toFixed(1)),
    line("HTTP p99 unfiltered, concurrency 1, ms", (results) => results.latency.http_endpoint.unfiltered.p99.toFixed(2)),
    line("HTTP p99 filtered, concurrency 1, ms", (results) => results.latency.http_endpoint.filtered.p99.toFixed(2)),
    line("requests/s at concurrency 8", (results) => String(results.latency.http_concurrency_8.requestsPerSecond)),
    line("requests/s at concurrency 16", (results) => String(results.latency.http_concurrency_16.requestsPerSecond)),
    line("p99 at concurrency 16, ms", (results) => results.latency.http_concurrency_16.latency.p99.toFixed(2)),
    line("c16 CPU ms/request server/db/client", (results) => {
      const cpu = results.latency.http_concurrency_16.cpu;
      return `${cpu.server_ms.toFixed(2)}/${cpu.database_ms.toFixed(2)}/${cpu.client_ms.toFixed(2)}`;
    }),
    line("c16 share of the cores the stage got", (results) => String(results.latency.http_concurrency_16.cpu.share_of_cores)),
    line("c16 ceiling on these cores, req/s", (results) => String(results.latency.http_concurrency_16.cpu.ceiling_requests_per_s)),
    line("recall@10 unfiltered / filtered", (results) => `${results.recall.unfiltered} / ${results.recall.filtered}`),
    line("load average at start", (results) => results.machine.load_average.at_start.join(", ")),
    line("load average at end", (results) => results.machine.load_average.at_end.join(", ")),
    "",
    `Real Postgres bars: filtered p99 <= 15 ms at concurrency 1: ${verdict(filteredP99 <= 15)} (${filteredP99} ms); ` +
      `>= 400 requests/s at concurrency 16 with p99 <= 50 ms: ${verdict(c16.requestsPerSecond >= 400 && c16.latency.p99 <= 50)} ` +
      `(${c16.requestsPerSecond} requests/s, p99 ${c16.latency.p99} ms); recall@10 >= 0.95: ${verdict(recall >= 0.95)} (${recall})`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
