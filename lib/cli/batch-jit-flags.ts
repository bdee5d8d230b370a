import v8 from "node:v8";

// V8's optimising compiler is tuned for pages and servers that run for minutes. A command that
// extracts a repository runs for seconds in three isolates (this thread and two workers), each
// optimising the same hot functions again: on the extraction bench ~40 % of all the process's
// CPU went to compiling on V8's background threads. Waiting ~2x longer before optimising a
// function, and inlining less into each optimised one, cut that compile time by about 60 %
// while extraction itself ran no slower (docs/extraction-benchmark.md). Heuristics only: the
// results are the same.
const batchFlags = ["--interrupt-budget=300000", "--max-inlined-bytecode-size-cumulative=300"];

/**
 * Tunes V8's compiler for a short batch run (extract, ingest). Call before the heavy work
 * starts: the flags are process-wide, so worker threads started afterwards share them.
 */
export function useBatchJitFlags(): void {
  for (const flag of batchFlags) v8.setFlagsFromString(flag);
}
