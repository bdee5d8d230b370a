import { asService, getDatabase, type Database } from "@/lib/db";
import type { SessionAnalyzeRequest } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { createConfiguredRouter, readLlmConfig } from "@/lib/llm";
import { requireOperatorProject } from "@/lib/operator";
import { analyzeSession, type AnalysedSession, type RunInTransaction } from "./analyze-session";

/**
 * An analysis with the configured router (its calls recorded in this database) and price table:
 * `runAs` runs the database work as the API's caller (RLS) or as the local operator. The
 * database is the process's own unless one is given.
 */
export async function analyzeSessionIn({
  database, runAs, project, request, embedder, onJudgementText,
}: {
  database?: Database; runAs: RunInTransaction; project: { id: string; slug: string }; request: SessionAnalyzeRequest; embedder: EmbeddingProvider; onJudgementText?: (delta: string) => void;
}): Promise<AnalysedSession> {
  return analyzeSession({ runAs, router: createConfiguredRouter(database ?? (await getDatabase())), embedder, prices: readLlmConfig().prices, project: { id: project.id, slug: project.slug }, request, onJudgementText });
}

/** `motif session analyze` as the local operator (service_role), in the project with this slug. */
export async function analyzeSessionAsOperator({
  database, slug, request, embedder, onJudgementText,
}: {
  database: Database; slug: string; request: SessionAnalyzeRequest; embedder: EmbeddingProvider; onJudgementText?: (delta: string) => void;
}): Promise<AnalysedSession> {
  const project = await requireOperatorProject({ database, slug });
  return analyzeSessionIn({ database, runAs: (work) => asService(database, work), project, request, embedder, onJudgementText });
}
