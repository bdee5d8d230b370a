import { MotifError } from "@/lib/errors";
import { formatBytes, readLimitedJson } from "@/lib/http";

/**
 * What one function request may carry. Supabase's edge runtime gives a request 2 s of CPU
 * and 256 MB of memory: extracting a 2 MB batch took Deno 2.2-2.5 s of CPU here, a 1 MB one
 * about half (docs/edge-functions.md), so a request carries at most 1 MB of files. A match
 * body is an intent and some context.
 */
export const functionLimits = {
  extract: { maxBodyBytes: 1024 * 1024, maxFiles: 200 },
  ingest: { maxBodyBytes: 1024 * 1024, maxFiles: 200 },
  match: { maxBodyBytes: 64 * 1024 },
} as const;

/** The functions Motif serves at /functions/v1/<name>. */
export type FunctionName = keyof typeof functionLimits;

const runtimeLimits = "Supabase edge functions get 2 s of CPU and 256 MB per request";

/**
 * Reads a function's JSON body within its limit. A larger one is a 413 that names the limit,
 * why it exists, and where larger work goes (an ingest job, `motif ingest`).
 */
export async function readFunctionBody(request: Request, name: FunctionName): Promise<unknown> {
  const limit = functionLimits[name].maxBodyBytes;
  try {
    return await readLimitedJson(request, limit);
  } catch (error) {
    if (!(error instanceof MotifError) || error.code !== "too_large:input") throw error;
    const advice = name === "match" ? "shorten the intent and context" : "send smaller batches, or ingest a whole repository as a job with `motif ingest`";
    throw new MotifError("too_large:input", `the request body exceeds the ${name} function's limit of ${formatBytes(limit)} (${runtimeLimits}); ${advice}`, { cause: error });
  }
}
