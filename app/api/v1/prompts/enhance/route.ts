import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { enhancePrompt } from "@/lib/prompts";
import { enhancePromptSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/v1/prompts/enhance: the prompt with the project's best patterns as compact cards
 * within the token budget; records a pending usage per pattern (admins and members).
 */
export const POST = routeHandler(async (request) => {
  const body = await parseBody(request, enhancePromptSchema);
  const result = await asCaller(request, (transaction, claims) =>
    enhancePrompt({ transaction, claims, request: body, embedder: patternEmbeddingProvider() }),
  );
  return jsonResponse(result);
});
