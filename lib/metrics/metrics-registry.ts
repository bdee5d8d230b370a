import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// On globalThis: `motif serve` and the route bundles Next.js compiles are separate module graphs
// in one process (each may even hold its own copy of prom-client), and /metrics must show what
// all of them counted. The first to ask creates the registry; everyone else adds to it.
const globalForMetrics = globalThis as unknown as { motifMetricsRegistry?: Registry };

/** The process's one metrics registry (with Node's default process metrics, prefixed `motif_`). */
export function metricsRegistry(): Registry {
  let registry = globalForMetrics.motifMetricsRegistry;
  if (!registry) {
    registry = globalForMetrics.motifMetricsRegistry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "motif_" });
    // Gauges that prom-client names like counters; `promtool check metrics` rejects the names.
    for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) registry.removeSingleMetric(`motif_${name}`);
  }
  return registry;
}

/** What defines a metric: its name (snake_case, `motif_` first), help text and labels. */
export interface MetricDefinition<Label extends string = string> {
  name: string;
  help: string;
  labelNames?: readonly Label[];
}

function existing<Metric>(name: string): Metric | undefined {
  return metricsRegistry().getSingleMetric(name) as Metric | undefined;
}

/**
 * A counter in the registry, created on first use: every module that names it gets the same
 * one. For other capabilities too (LLM calls and spend: `defineCounter({ name:
 * "motif_llm_calls_total", help, labelNames: ["provider", "model"] }).inc({...})`).
 */
export function defineCounter<Label extends string>(definition: MetricDefinition<Label>): Counter<Label> {
  return existing<Counter<Label>>(definition.name) ?? new Counter({ ...definition, labelNames: definition.labelNames ?? [], registers: [metricsRegistry()] });
}

/** A gauge in the registry, created on first use (see {@link defineCounter}). */
export function defineGauge<Label extends string>(definition: MetricDefinition<Label>): Gauge<Label> {
  return existing<Gauge<Label>>(definition.name) ?? new Gauge({ ...definition, labelNames: definition.labelNames ?? [], registers: [metricsRegistry()] });
}

/** A histogram in the registry, created on first use; `buckets` in the metric's unit (seconds). */
export function defineHistogram<Label extends string>(definition: MetricDefinition<Label> & { buckets?: number[] }): Histogram<Label> {
  return existing<Histogram<Label>>(definition.name) ?? new Histogram({ ...definition, labelNames: definition.labelNames ?? [], registers: [metricsRegistry()] });
}
