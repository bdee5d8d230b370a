import type { LatencySummary } from "./latency";

interface MatchResults {
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
    http_concurrency_8: { requestsPerSecond: number; latency: LatencySummary };
  };
  recall: { unfiltered: number; filtered: number; by_filter: Record<string, { queries: number; recall_at_10: number }> };
  total_s: number;
}

const row = (name: string, summary: LatencySummary) =>
  `${name.padEnd(34)} ${String(summary.count).padStart(5)} ${summary.p50.toFixed(2).padStart(8)} ${summary.p95.toFixed(2).padStart(8)} ${summary.p99.toFixed(2).padStart(8)}`;

/** Prints the figures as a table, with the targets of issue 4 checked. */
export function printMatchReport(results: MatchResults): void {
  const { latency, recall } = results;
  const httpP99 = Math.max(latency.http_endpoint.unfiltered.p99, latency.http_endpoint.filtered.p99);
  const lines = [
    `Match benchmark: ${results.patterns.toLocaleString("en-US")} patterns, ${results.occurrences.toLocaleString("en-US")} occurrences (${results.command})`,
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
    `Throughput at concurrency 8: ${latency.http_concurrency_8.requestsPerSecond} requests/s`,
    "",
    `recall@10 vs exact: unfiltered ${recall.unfiltered}, filtered ${recall.filtered}`,
    ...Object.entries(recall.by_filter).map(([label, value]) => `  ${label.padEnd(40)} ${value.recall_at_10} (${value.queries} queries)`),
    "",
    `Targets: HTTP p99 <= 15 ms: ${httpP99 <= 15 ? "met" : "NOT met"} (${httpP99} ms); recall@10 >= 0.95: ${Math.min(recall.unfiltered, recall.filtered) >= 0.95 ? "met" : "NOT met"}`,
    `Total ${results.total_s} s`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
