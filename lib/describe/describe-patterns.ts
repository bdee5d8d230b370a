import { asService, insertPatternEvent, insertPatternValidation, listPatternsToDescribe, writePatternDescription, countPatternsToDescribe, type Database, type PatternToDescribe } from "@/lib/db";
import type { PatternDescription } from "@/lib/domain";
import { embeddingTextForPattern, type EmbeddingProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { designPatternKinds } from "@/lib/domain";
import type { LlmRouter, LlmTaskResult } from "@/lib/llm";
import { describeTaskFor } from "./describe-task";

/** Where a describe run is: patterns done of those it set out to describe, and what it cost. */
export interface DescribeProgress {
  processed: number;
  total: number;
  fraction: number;
  /** The router's providers, for the job list ("ollama:qwen2.5-coder:7b, openai:gpt-4o-mini"). */
  model: string;
  described: number;
  failed: number;
  local: number;
  commercial: number;
  cost_usd: number;
  /** Why the run stopped before the end (a budget), when it did. */
  stopped: string | null;
  /** The last failures, one line each. */
  errors: string[];
}

/** What a describe run needs: the database, the router, the embedder, the project, and how far to go. */
export interface DescribeRun {
  database: Database;
  router: LlmRouter;
  embedder: EmbeddingProvider;
  project: { id: string; slug: string };
  limit: number;
  jobId?: string;
  /** Called after every pattern; a job renews its lease here. */
  onProgress?: (progress: DescribeProgress) => Promise<void> | void;
}

// Several failures in a row mean the providers are down: stop rather than fail every pattern.
const maxFailuresInARow = 5;

async function storeDescription(run: DescribeRun, pattern: PatternToDescribe, answer: LlmTaskResult<PatternDescription>): Promise<void> {
  const { value } = answer;
  const [vector] = await run.embedder.embed([
    embeddingTextForPattern({ name: pattern.name, description: pattern.description, llmDescription: `${value.name}. ${value.description}`, code: pattern.code, tags: pattern.tags, kind: pattern.kind as never, dependencies: pattern.dependencies, occurrences: pattern.qualnames.map((qualname) => ({ qualname, file: "", startLine: 1, endLine: 1, unitId: "" })) }),
  ]);
  const extractionModel = `${answer.provider}:${answer.model}`;
  await asService(run.database, async (transaction) => {
    const written = await writePatternDescription({
      transaction,
      values: {
        projectId: run.project.id, patternId: pattern.id, name: value.name, description: value.description, kindVerdict: value.kind_verdict,
        suggestedKind: value.suggested_kind && (designPatternKinds as readonly string[]).includes(value.suggested_kind) ? value.suggested_kind : null,
        confidence: value.confidence, extractionMethod: answer.isLocal ? "local_llm" : "commercial_llm", extractionModel, describedHash: pattern.extraction_hash,
        embedding: { vector: `[${Array.from(vector).join(",")}]`, model: run.embedder.id },
      },
    });
    if (!written) return;
    if (pattern.kind && value.kind_verdict !== "not_applicable") {
      await insertPatternValidation({
        transaction, projectId: run.project.id, patternId: pattern.id, source: "llm", confidence: value.confidence,
        verdict: value.kind_verdict === "confirmed" ? "validated" : "contradicted",
        evidence: { kind: pattern.kind, suggested_kind: value.suggested_kind, model: extractionModel }, comment: value.description.slice(0, 500),
      });
    }
    await insertPatternEvent({ transaction, projectId: run.project.id, patternId: pattern.id, eventType: "pattern.described", eventData: { name: value.name, model: extractionModel, kind_verdict: value.kind_verdict } });
  });
}

function progressOf(progress: DescribeProgress, processed: number): DescribeProgress {
  return { ...progress, processed, fraction: progress.total === 0 ? 1 : Math.min(1, processed / progress.total) };
}

/**
 * Has the router name and describe a project's patterns not yet described (or changed since),
 * most prominent first: each answer is stored beside the AST's facts with extraction_method /
 * extraction_model, the kind verdict becomes a validation (source llm), and the pattern is
 * re-embedded with the description in its text, so intent search meets the model's words.
 * A spent budget stops the run (the rest stays to describe); failures are counted, and five
 * in a row stop it with an error.
 */
export async function describePatterns(run: DescribeRun): Promise<DescribeProgress> {
  if (!run.router.configured) throw new MotifError("not_configured:llm", "motif describe: no LLM provider is configured: set OLLAMA_HOST (local), OPENAI_API_KEY or ANTHROPIC_API_KEY (see docs/llm-routing.md)");
  const patterns = await asService(run.database, (transaction) => listPatternsToDescribe({ transaction, projectId: run.project.id, limit: run.limit }));
  let progress: DescribeProgress = {
    processed: 0, total: patterns.length, fraction: patterns.length === 0 ? 1 : 0, model: run.router.providers.map((provider) => `${provider.name}:${provider.model}`).join(", "),
    described: 0, failed: 0, local: 0, commercial: 0, cost_usd: 0, stopped: null, errors: [],
  };
  await run.onProgress?.(progress);
  let failuresInARow = 0;
  for (const [index, pattern] of patterns.entries()) {
    try {
      const answer = await run.router.run(describeTaskFor(pattern), { projectId: run.project.id, projectLabel: run.project.slug, jobId: run.jobId });
      await storeDescription(run, pattern, answer);
      failuresInARow = 0;
      progress = { ...progress, described: progress.described + 1, local: progress.local + Number(answer.isLocal), commercial: progress.commercial + Number(!answer.isLocal), cost_usd: Number((progress.cost_usd + answer.costUsd).toFixed(8)) };
    } catch (error) {
      if (error instanceof MotifError && error.code === "budget_exceeded:llm") {
        progress = { ...progress, stopped: error.message };
        break;
      }
      failuresInARow += 1;
      progress = { ...progress, failed: progress.failed + 1, errors: [...progress.errors, `${pattern.name}: ${(error as Error).message}`].slice(-5) };
      if (failuresInARow >= maxFailuresInARow) {
        throw new MotifError("unavailable:llm", `describing stopped after ${failuresInARow} failures in a row: ${(error as Error).message}`);
      }
    }
    progress = progressOf(progress, index + 1);
    await run.onProgress?.(progress);
  }
  return { ...progress, fraction: 1 };
}

/** How many of a project's patterns wait for a description. */
export async function countUndescribedPatterns({ database, projectId }: { database: Database; projectId: string }): Promise<number> {
  return asService(database, (transaction) => countPatternsToDescribe({ transaction, projectId }));
}
