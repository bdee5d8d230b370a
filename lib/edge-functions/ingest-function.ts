import { uploadRequestSchema } from "@/lib/domain";
import { jsonResponse, parseWith } from "@/lib/http";
import { ingestUploadedFiles } from "@/lib/upload";
import { functionHandler } from "./function-handler";
import { readFunctionBody } from "./function-limits";
import { functionRuntime } from "./function-runtime";

/**
 * The `ingest` edge function: POST /api/v1/extract's request and answer for payloads within
 * the function's limits: the files are extracted in the function and stored in the project as
 * the caller (admins and members; RLS decides), recorded as an ingest job.
 */
export const ingestFunction = functionHandler(async (request) => {
  const runtime = await functionRuntime();
  const claims = await runtime.requireCaller(request);
  const body = parseWith(uploadRequestSchema, await readFunctionBody(request, "ingest"));
  return jsonResponse(await ingestUploadedFiles({ database: runtime.database, claims, ...body }));
});
