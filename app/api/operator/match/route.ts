import { jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { intentRewriterFor } from "@/lib/intent-rewrite";
import { operatorDatabase } from "@/lib/operator";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { matchAsOperator } from "@/lib/search";
import { operatorMatchSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/match: `motif search` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project, ...matchRequest } = await parseBody(request, operatorMatchSchema);
  const answer = await matchAsOperator({ database, slug: project, request: matchRequest, embedder: patternEmbeddingProvider(), rewriteIntent: intentRewriterFor(database) });
  return jsonResponse(answer);
});
