import { spawnSync } from "node:child_process";

/** Wall time, CPU time and peak resident memory of a whole child process (and its threads). */
export interface ProcessMeasure {
  wallMs: number;
  /** User + system CPU time: less sensitive than wall time to other work on the machine. */
  cpuMs: number;
  peakRssMb: number;
  exitCode: number;
  /** What the command wrote on stderr. */
  stderr: string;
}

// Node cannot read a child's rusage; Python's resource module can (RUSAGE_CHILDREN after
// wait), so a three-line Python parent runs the command and reports both figures.
const wrapper = `
import json, resource, subprocess, sys, time
with open(sys.argv[1], "wb") as out:
    start = time.perf_counter()
    code = subprocess.call(sys.argv[2:], stdout=out)
    wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wallMs": wall * 1000, "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "maxRssKb": usage.ru_maxrss, "exitCode": code}))
`;

/** Runs `command` in `cwd` with stdout to `outFile`, measuring wall time and peak RSS. */
export function measureProcess(options: { command: string[]; cwd: string; outFile: string; env?: NodeJS.ProcessEnv }): ProcessMeasure {
  const result = spawnSync("python3", ["-c", wrapper, options.outFile, ...options.command], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`measuring ${options.command.join(" ")} failed: ${result.error?.message ?? result.status}`);
  const measured = JSON.parse(result.stdout) as { wallMs: number; cpuMs: number; maxRssKb: number; exitCode: number };
  return { wallMs: measured.wallMs, cpuMs: measured.cpuMs, peakRssMb: measured.maxRssKb / 1024, exitCode: measured.exitCode, stderr: result.stderr };
}
