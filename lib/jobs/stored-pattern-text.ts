import { embeddingTextForPattern, type PatternTextSource } from "@/lib/embed";
import type { PatternToReembed } from "@/lib/db";

/**
 * The embedding text of a stored pattern: the same function ingest and the Patterns API use,
 * fed from the row (its current name and description, its live occurrences' names).
 */
export function storedPatternText(pattern: PatternToReembed): string {
  return embeddingTextForPattern({
    name: pattern.name,
    description: pattern.description,
    llmDescription: pattern.llm_description,
    code: pattern.code,
    tags: pattern.tags,
    kind: pattern.kind as PatternTextSource["kind"],
    patternType: pattern.pattern_type as PatternTextSource["patternType"],
    dependencies: pattern.dependencies,
    occurrences: pattern.qualnames.map((qualname) => ({ qualname, file: "", startLine: 1, endLine: 1, unitId: "" })),
  });
}
