import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { processIntentRewriter } from "@/lib/intent-rewrite";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { resolveProject } from "@/lib/projects";
import { matchPatterns } from "@/lib/search";
import { matchSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/patterns/match: the patterns of a project that fit an intent, best first
 * (DESIGN §5). Any role of the project may match; RLS decides what exists.
 */
export const POST = routeHandler(async (request) => {
  const { project: reference, ...matchRequest } = await parseBody(request, matchSchema);
  // With MOTIF_SEARCH_REWRITE=llm the intent is rewritten first, outside the match's transaction.
  const rewriteIntent = await processIntentRewriter();
  const rewrite = rewriteIntent
    ? await rewriteIntent(matchRequest.intent, await asCaller(request, (transaction, claims) => resolveProject({ transaction, claims, reference })))
    : undefined;
  const answer = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference });
    return matchPatterns({ transaction, projectId: project.id, request: matchRequest, embedder: patternEmbeddingProvider(), rewrite });
  });
  return jsonResponse(answer);
});
