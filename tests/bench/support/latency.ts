/** Percentiles of a list of durations in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentiles (no interpolation: p99 is a latency that was observed). */
export function summarize(durations: readonly number[]): LatencySummary {
  const sorted = [...durations].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
  };
}

/** Times `task` once per input, one after another. */
export async function timeEach<Input>(inputs: readonly Input[], task: (input: Input) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await task(input);
    durations.push(performance.now() - started);
  }
  return durations;
}

/** Runs every input through `task` with `concurrency` in flight; requests per second and latencies. */
export async function throughput<Input>(inputs: readonly Input[], concurrency: number, task: (input: Input) => Promise<unknown>) {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++];
      const begun = performance.now();
      await task(input);
      durations.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { requestsPerSecond: Math.round((inputs.length / seconds) * 10) / 10, latency: summarize(durations) };
}
