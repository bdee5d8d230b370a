import { functionLimits, type FunctionName } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { formatBytes, readLimitedJson } from "@/lib/http";


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
