import type { HealthCheck } from "@/lib/domain";

/** Runs a probe, turning a throw or a hang past `timeoutMs` into a `down` check that says why. */
export async function probeWithTimeout(probe: () => Promise<HealthCheck>, timeoutMs: number): Promise<HealthCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheck>((resolve) => {
    timer = setTimeout(() => resolve({ status: "down", message: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([probe().catch((error: unknown) => ({ status: "down" as const, message: (error as Error).message })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
