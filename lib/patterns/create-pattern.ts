import { getPatternById, insertPattern, insertPatternEvent, type JwtClaims, type Queryable } from "@/lib/db";
import type { PatternStatus } from "@/lib/domain";
import { embedPattern } from "./pattern-embedder";
import { toPatternView, type PatternView } from "./pattern-view";
import { requireWriter, resolveProject } from "@/lib/projects";
import { patternSearchText } from "@/lib/search";

/** What a person writes down to create a pattern by hand. */
export interface ManualPatternInput {
  project?: string;
  pattern_type: string;
  kind?: string | null;
  name: string;
  description: string;
  language?: string | null;
  framework?: string | null;
  code: string;
  tags: string[];
  dependencies: string[];
  content: Record<string, unknown>;
  status: Extract<PatternStatus, "pending" | "active">;
}

/**
 * Creates a manual pattern (extraction_method 'manual') in the caller's project, embedded with
 * the configured provider, and announces it on the project's feed. Quality stays unknown
 * (null): it is measured from extracted code, never guessed.
 */
export async function createManualPattern({
  transaction,
  claims,
  input,
}: {
  transaction: Queryable;
  claims: JwtClaims;
  input: ManualPatternInput;
}): Promise<PatternView> {
  const project = await resolveProject({ transaction, claims, reference: input.project });
  requireWriter(project.role, "create patterns");
  const kind = input.kind ?? null;
  const embedding = await embedPattern({ ...input, kind: kind as never, patternType: input.pattern_type as never });
  const patternId = await insertPattern({
    transaction,
    values: {
      projectId: project.id,
      patternType: input.pattern_type,
      kind,
      name: input.name,
      description: input.description,
      language: input.language ?? null,
      framework: input.framework ?? null,
      code: input.code,
      content: input.content,
      tags: input.tags,
      dependencies: input.dependencies,
      fingerprint: null,
      searchText: patternSearchText({ ...input, kind, qualnames: [] }),
      embedding: embedding.vector,
      embeddingModel: embedding.model,
      quality: { score: null, complexity: null, documentation: null, testCoverage: null, reusability: null, maintainability: null },
      complexity: null,
      confidence: null,
      status: input.status,
      version: 1,
      parentPatternId: null,
      extractionMethod: "manual",
      extractionModel: null,
      extractionConfidence: null,
    },
  });
  await insertPatternEvent({
    transaction,
    projectId: project.id,
    patternId,
    eventType: "pattern.created",
    eventData: { name: input.name, pattern_type: input.pattern_type, kind, extraction_method: "manual", version: 1 },
  });
  return toPatternView((await getPatternById({ transaction, patternId }))!);
}
