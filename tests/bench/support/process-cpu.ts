import fs from "node:fs";

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  // After the command name: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** The pid of a child of `parent` whose command line contains `marker` (Linux). */
export function childProcessId(parent: number, marker: string): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      if (Number(stat[1]) !== parent) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker)) return Number(entry);
    } catch {
      // The process ended while the table was read: not the one sought.
    }
  }
  throw new Error(`no child of ${parent} runs ${marker}`);
}
