import { matchRequestSchema } from "@/lib/domain";
import { withUser } from "@/lib/db";
import { jsonResponse, parseWith } from "@/lib/http";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { resolveProject } from "@/lib/projects";
import { matchPatterns } from "@/lib/search";
import { functionHandler } from "./function-handler";
import { readFunctionBody } from "./function-limits";
import { functionRuntime } from "./function-runtime";

/**
 * The `match` edge function: POST /api/v1/patterns/match's request and answer, embedded in the
 * function's own process and run as the caller (RLS decides which patterns exist for them).
 */
export const matchFunction = functionHandler(async (request) => {
  const runtime = await functionRuntime();
  const claims = await runtime.requireCaller(request);
  const { project: reference, ...matchRequest } = parseWith(matchRequestSchema, await readFunctionBody(request, "match"));
  const answer = await withUser(runtime.database, claims, async (transaction) => {
    const project = await resolveProject({ transaction, claims, reference });
    return matchPatterns({ transaction, projectId: project.id, request: matchRequest, embedder: patternEmbeddingProvider() });
  });
  return jsonResponse(answer);
});
