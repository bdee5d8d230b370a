/**
 * lib/metrics: Prometheus metrics (prom-client) in one process-wide registry. Capabilities
 * record into `motifMetrics`; others define their own with defineCounter/Gauge/Histogram
 * (get-or-create by name). `/metrics` renders the registry.
 */
export { metricsRegistry, defineCounter, defineGauge, defineHistogram, type MetricDefinition } from "./metrics-registry";
export { motifMetrics } from "./motif-metrics";
export { routePatternOf, type RouteMatcher } from "./route-pattern";
export { requireMetricsToken, isOperatorCaller } from "./require-metrics-token";
export { metricsResponse } from "./metrics-response";
