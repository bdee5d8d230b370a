import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * Runs `work`; when `profileFile` is given, records a CPU profile of this process meanwhile
 * and writes it there (a `.cpuprofile` for Chrome's DevTools or `speedscope`).
 */
export async function profileWhile<T>(profileFile: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!profileFile) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
}
