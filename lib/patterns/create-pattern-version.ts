import {
  copyPatternOccurrences,
  insertPattern,
  insertPatternEvent,
  listOccurrencesByPatternIds,
  updatePatternFieldsById,
  type PatternRow,
  type Queryable,
} from "@/lib/db";
import type { UpdatePatternBody as PatternChanges } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { embedPattern } from "./pattern-embedder";
import { patternSearchText } from "@/lib/search";

function qualityOf(pattern: PatternRow, codeChanged: boolean) {
  // Quality, complexity and fingerprint were measured on the old code: for new code they are
  // unknown until it is extracted again, never carried over as if they still held.
  if (codeChanged) {
    return { score: null, complexity: null, documentation: null, testCoverage: null, reusability: null, maintainability: null };
  }
  return {
    score: pattern.quality_score,
    complexity: pattern.complexity_score,
    documentation: pattern.documentation_score,
    testCoverage: pattern.test_coverage_score,
    reusability: pattern.reusability_score,
    maintainability: pattern.maintainability_score,
  };
}

// The new version's descriptive fields: what the PATCH says, else what the old version had.
function mergeChanges(pattern: PatternRow, changes: PatternChanges) {
  return {
    name: changes.name ?? pattern.name,
    description: changes.description ?? pattern.description,
    code: changes.code ?? pattern.code,
    tags: changes.tags ?? pattern.tags,
    kind: changes.kind !== undefined ? changes.kind : pattern.kind,
    framework: changes.framework !== undefined ? changes.framework : pattern.framework,
    dependencies: changes.dependencies ?? pattern.dependencies,
    content: changes.content ?? pattern.content,
  };
}

/**
 * Makes the next version of a pattern whose code or description changed: a new row with
 * parent_pattern_id = the old one and version + 1, standing at the old one's occurrences; the
 * old one becomes 'deprecated' with superseded_by = the new one. The caller's transaction
 * makes it all or nothing. Usage and match counters start afresh: feedback belongs to the
 * version it was given for.
 */
export async function createPatternVersion({
  transaction,
  pattern,
  changes,
}: {
  transaction: Queryable;
  pattern: PatternRow;
  changes: PatternChanges;
}): Promise<string> {
  if (pattern.superseded_by) {
    throw new MotifError("conflict:resource", `pattern ${pattern.id} is superseded by ${pattern.superseded_by}: change the latest version`);
  }
  if (pattern.status === "archived") {
    throw new MotifError("conflict:resource", `pattern ${pattern.id} is archived: restore it before changing it`);
  }
  const merged = mergeChanges(pattern, changes);
  const { code } = merged;
  const codeChanged = code !== pattern.code;
  const occurrences = await listOccurrencesByPatternIds({ transaction, patternIds: [pattern.id] });
  const qualnames = occurrences.map((occurrence) => occurrence.qualname ?? "").filter(Boolean);
  const embedding = await embedPattern({
    ...merged,
    kind: merged.kind as never,
    patternType: pattern.pattern_type as never,
    occurrences: qualnames.map((qualname) => ({ qualname, file: "", startLine: 1, endLine: 1, unitId: "" })),
  });
  const newId = await insertPattern({
    transaction,
    values: {
      ...merged,
      projectId: pattern.project_id,
      patternType: pattern.pattern_type,
      language: pattern.language,
      fingerprint: codeChanged ? null : pattern.fingerprint,
      searchText: patternSearchText({ ...merged, qualnames }),
      embedding: embedding.vector,
      embeddingModel: embedding.model,
      quality: qualityOf(pattern, codeChanged),
      complexity: codeChanged ? null : pattern.complexity,
      confidence: pattern.confidence,
      // Its occurrences (copied below) and callers are the same; its prominence rests on the quality.
      standing: { recurring: pattern.recurring, callerCount: pattern.caller_count, prominence: codeChanged ? null : pattern.prominence },
      status: changes.status ?? (pattern.status === "pending" ? "pending" : "active"),
      version: pattern.version + 1,
      parentPatternId: pattern.id,
      extractionMethod: codeChanged ? "manual" : pattern.extraction_method,
      extractionModel: codeChanged ? null : pattern.extraction_model,
      extractionConfidence: codeChanged ? null : pattern.extraction_confidence,
    },
  });
  await copyPatternOccurrences({ transaction, fromPatternId: pattern.id, toPatternId: newId });
  await updatePatternFieldsById({ transaction, patternId: pattern.id, changes: { status: "deprecated", supersededBy: newId } });
  await insertPatternEvent({
    transaction,
    projectId: pattern.project_id,
    patternId: newId,
    eventType: "pattern.versioned",
    eventData: { name: merged.name, version: pattern.version + 1, parent_pattern_id: pattern.id, code_changed: codeChanged },
  });
  return newId;
}
