import { requireCaller } from "@/lib/auth";
import { jsonResponse, parseWith, readLimitedJson, routeHandler } from "@/lib/http";
import { ingestUploadedFiles, uploadLimits } from "@/lib/upload";
import { extractSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/extract: extracts the files in the body and ingests the patterns into the
 * project (admins and members). Files that cannot be parsed come back in `failures`; beyond
 * 200 files, 1 MB per file or 5 MB in all the answer is 413.
 */
export const POST = routeHandler(async (request) => {
  const claims = await requireCaller(request);
  const body = parseWith(extractSchema, await readLimitedJson(request, uploadLimits.maxBodyBytes));
  const summary = await ingestUploadedFiles({ claims, ...body });
  return jsonResponse(summary);
});
