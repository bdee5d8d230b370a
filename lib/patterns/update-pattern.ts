import { insertPatternEvent, updatePatternFieldsById, type PatternFieldChanges, type PatternRow, type Queryable } from "@/lib/db";
import type { UpdatePatternBody as PatternChanges } from "@/lib/domain";
import { createPatternVersion } from "./create-pattern-version";
import { embedPattern } from "./pattern-embedder";
import { toPatternView, type PatternView } from "./pattern-view";
import { requirePattern } from "./require-pattern";
import { requireWriter } from "@/lib/projects";

// The fields the embedding text is made of: changing one of them in place re-embeds.
const embeddedFields = ["name", "tags", "kind", "dependencies"] as const;

async function updateInPlace(transaction: Queryable, pattern: PatternRow, changes: PatternChanges): Promise<string[]> {
  const changed = (Object.keys(changes) as (keyof PatternChanges)[]).filter(
    (field) => JSON.stringify(changes[field]) !== JSON.stringify(pattern[field]),
  );
  if (changed.length === 0) return changed;
  const fields: PatternFieldChanges = { ...changes };
  delete (fields as PatternChanges).code;
  delete (fields as PatternChanges).description;
  if (changed.some((field) => (embeddedFields as readonly string[]).includes(field))) {
    fields.embedding = await embedPattern({
      name: changes.name ?? pattern.name,
      description: pattern.description,
      llmDescription: pattern.llm_description,
      code: pattern.code,
      tags: changes.tags ?? pattern.tags,
      kind: (changes.kind !== undefined ? changes.kind : pattern.kind) as never,
      dependencies: changes.dependencies ?? pattern.dependencies,
    });
  }
  await updatePatternFieldsById({ transaction, patternId: pattern.id, changes: fields });
  return changed;
}

/**
 * PATCH of a pattern. Changing its code or description makes a new version (see
 * createPatternVersion); other fields change in place. Status moves follow the schema's rule:
 * members deprecate and restore, only admins archive or bring back from the archive.
 */
export async function updatePattern({
  transaction,
  patternId,
  changes,
}: {
  transaction: Queryable;
  patternId: string;
  changes: PatternChanges;
}): Promise<{ pattern: PatternView; versioned: boolean; previous_version_id: string | null }> {
  const pattern = await requirePattern({ transaction, patternId, forUpdate: true });
  requireWriter(pattern.caller_role, "change patterns");
  const versioned =
    (changes.code !== undefined && changes.code !== pattern.code) ||
    (changes.description !== undefined && changes.description !== pattern.description);
  if (versioned) {
    const newId = await createPatternVersion({ transaction, pattern, changes });
    return { pattern: toPatternView(await requirePattern({ transaction, patternId: newId })), versioned, previous_version_id: pattern.id };
  }
  const changed = await updateInPlace(transaction, pattern, changes);
  if (changed.length > 0) {
    await insertPatternEvent({
      transaction,
      projectId: pattern.project_id,
      patternId,
      eventType: changes.status && changes.status !== pattern.status ? "pattern.status_changed" : "pattern.updated",
      eventData: { name: changes.name ?? pattern.name, changed, status: changes.status ?? pattern.status, previous_status: pattern.status },
    });
  }
  return { pattern: toPatternView(await requirePattern({ transaction, patternId })), versioned, previous_version_id: null };
}
