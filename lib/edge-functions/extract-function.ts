import { extractFunctionSchema, type ExtractFunctionBody } from "@/lib/domain";
import { printableJsonChunks } from "@/lib/extract";
import { parseWith } from "@/lib/http";
import { extractUploadedFiles, type SourceFile } from "@/lib/upload";
import { functionHandler } from "./function-handler";
import { readFunctionBody } from "./function-limits";
import { functionRuntime } from "./function-runtime";

function sourceFiles(body: ExtractFunctionBody): SourceFile[] {
  return body.files.map((file) => file.content_base64 === undefined
    ? { path: file.path, content: file.content ?? "" }
    : { path: file.path, bytes: Uint8Array.from(atob(file.content_base64), (character) => character.charCodeAt(0)) });
}

/**
 * The `extract` edge function: the files in the body → exactly what `motif extract --json
 * --jobs 1` prints for them (`{units, patterns, relationships, stats, failures}`, the same
 * bytes but for `stats.durationMs`). Signed-in callers and API keys only; it reads and
 * writes no project data.
 */
export const extractFunction = functionHandler(async (request) => {
  const runtime = await functionRuntime();
  await runtime.requireCaller(request);
  const body = parseWith(extractFunctionSchema, await readFunctionBody(request, "extract"));
  const { result } = await extractUploadedFiles(sourceFiles(body), { minQuality: body.min_quality, maxComplexity: body.max_complexity });
  return new Response([...printableJsonChunks(result)].join(""), {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
});
