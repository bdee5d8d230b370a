import { maxSessionChars, operatorSessionSchema, sessionAnalyzeRequestSchema } from "@/lib/domain";
import { jsonResponse, parseWith, readLimitedJson, routeHandler } from "@/lib/http";
import { operatorDatabase } from "@/lib/operator";
import { patternEmbeddingProvider } from "@/lib/patterns";
import { analyzeSessionAsOperator } from "@/lib/sessions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/operator/sessions: `motif session analyze` while `motif serve` owns the data dir (operator token only). */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  const { project, ...body } = parseWith(operatorSessionSchema, await readLimitedJson(request, maxSessionChars * 2, "session"));
  const analysed = await analyzeSessionAsOperator({ database, slug: project, request: parseWith(sessionAnalyzeRequestSchema, body), embedder: patternEmbeddingProvider() });
  return jsonResponse(analysed, { status: 201 });
});
