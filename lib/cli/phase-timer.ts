/** Marks the end of each phase of a command; `report` says what each took. */
export interface PhaseTimer {
  lap(phase: string): void;
  /** One line per phase: wall and CPU milliseconds (CPU of the whole process, every thread). */
  report(): string;
}

/**
 * Times a command's phases from the start of the process (`MOTIF_PHASE_TIMINGS=1`, for
 * benchmarks: `motif ingest` prints them to stderr). The first phase counts from the process's
 * start, so Node's own start-up and the CLI's loading are in it.
 */
export function createPhaseTimer(): PhaseTimer {
  const laps: Array<{ phase: string; wall: number; cpu: number }> = [];
  let wall = 0;
  let cpu = 0;
  return {
    lap(phase) {
      const used = process.cpuUsage();
      const nowWall = performance.now();
      const nowCpu = (used.user + used.system) / 1000;
      laps.push({ phase, wall: nowWall - wall, cpu: nowCpu - cpu });
      wall = nowWall;
      cpu = nowCpu;
    },
    report() {
      const lines = laps.map(({ phase, wall, cpu }) => `${phase.padEnd(26)} ${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms cpu`);
      return [...lines, `${"total".padEnd(26)} ${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms cpu`].join("\n");
    },
  };
}
