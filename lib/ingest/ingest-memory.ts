import type { OccurrencePatterns, RelationshipKeys, StagedOccurrence, StagedRelationship } from "@/lib/db";
import { StagedRowsCache, type IngestRows } from "./ingest-rows";

/** An ingest's staged rows in comparable form: per key its extraction hash and occurrences, per relationship its row. */
export interface WrittenRows {
  patterns: Map<string, string>;
  occurrences: Map<string, string>;
  relationships: Map<string, { keys: RelationshipKeys; row: string }>;
}

/** What the last ingest of a repository in this process wrote, and the project's state right after it. */
export interface LastWrite {
  written: WrittenRows;
  /** `readIngestStateDigest` at the end of that write. */
  digest: string;
  /** Repository, scope and embedding model: another of these stages other rows. */
  setting: string;
  /** Whether the project's lexeme counts were exact after it (recounted, or adjusted from exact counts). */
  lexemesExact: boolean;
}

/**
 * What a long-running process remembers of the last ingest of one repository, so that the
 * next writes only its difference: the patterns whose extraction changed, the occurrences of
 * the patterns whose occurrences changed, the relationships that are new, changed or gone.
 * It is used only while the project's stored state is exactly what that ingest left
 * (`readIngestStateDigest`); anything else (another process's write, a person's edit) and
 * the ingest writes everything, as without it. The result is the same either way.
 */
export class IngestMemory {
  last: LastWrite | undefined;
  /** The staged rows of the last ingest's patterns, rebuilt only for patterns that changed. */
  readonly rows = new StagedRowsCache();
}

function occurrenceText(occurrence: StagedOccurrence): string {
  return [occurrence.file_path, occurrence.start_line, occurrence.end_line, occurrence.qualname, occurrence.unit_kind, occurrence.complexity].join("\u0001");
}

const relationshipId = (relationship: RelationshipKeys) => `${relationship.relationship_type}\u0000${relationship.source_key}\u0000${relationship.target_key}`;

// Evidence is `{ reasons: string[] }` as ingest stages it: joined, which is cheaper than JSON for thousands of rows.
function relationshipText(relationship: StagedRelationship): string {
  const { reasons } = relationship.evidence;
  const evidence = Array.isArray(reasons) && Object.keys(relationship.evidence).length === 1 ? reasons.join("\u0001") : JSON.stringify(relationship.evidence);
  return `${relationship.strength}\u0002${relationship.confidence}\u0002${evidence}`;
}

/** The rows of an ingest in the form `IngestMemory` compares. */
export function writtenRowsOf(rows: IngestRows): WrittenRows {
  const occurrences = new Map<string, string[]>();
  for (const occurrence of rows.occurrences) {
    const list = occurrences.get(occurrence.key);
    if (list) list.push(occurrenceText(occurrence));
    else occurrences.set(occurrence.key, [occurrenceText(occurrence)]);
  }
  const relationships = new Map<string, { keys: RelationshipKeys; row: string }>();
  for (const relationship of rows.relationships) {
    const keys = { source_key: relationship.source_key, target_key: relationship.target_key, relationship_type: relationship.relationship_type };
    const id = relationshipId(keys);
    // Staged twice, the stronger one is written (`resolveStagedRelationships`): keep both texts, any change shows.
    const row = relationshipText(relationship);
    const seen = relationships.get(id);
    relationships.set(id, { keys, row: seen ? `${seen.row}\u0002${row}` : row });
  }
  return {
    patterns: new Map(rows.patterns.map((pattern) => [pattern.key, pattern.extraction_hash])),
    occurrences: new Map([...occurrences].map(([key, list]) => [key, list.join("\u0002")])),
    relationships,
  };
}

/** The rows an ingest stages when it writes only its difference from the last one, and what else it must tell the write. */
export interface RowsDifference {
  rows: IngestRows;
  occurrences: OccurrencePatterns;
  removedRelationships: RelationshipKeys[];
}

/**
 * The difference between the last ingest's rows and this one's: patterns staged (by key and
 * hash) when new, changed, their occurrences changed or a changed relationship names them;
 * occurrences of the patterns whose occurrences changed; relationships new or changed; and
 * the keys and relationships no longer found.
 */
export function rowsDifference(last: WrittenRows, now: WrittenRows, rows: IngestRows): RowsDifference {
  const occurrenceKeys = new Set([...now.occurrences].filter(([key, text]) => last.occurrences.get(key) !== text).map(([key]) => key));
  const relationships = rows.relationships.filter((relationship) => {
    const id = relationshipId(relationship);
    return last.relationships.get(id)?.row !== now.relationships.get(id)?.row;
  });
  const removedRelationships = [...last.relationships].filter(([id]) => !now.relationships.has(id)).map(([, { keys }]) => keys);
  const staged = new Set(occurrenceKeys);
  for (const [key, hash] of now.patterns) if (last.patterns.get(key) !== hash) staged.add(key);
  for (const relationship of [...relationships, ...removedRelationships]) {
    staged.add(relationship.source_key);
    staged.add(relationship.target_key);
  }
  const vanishedKeys = [...last.patterns.keys()].filter((key) => !now.patterns.has(key));
  return {
    rows: {
      ...rows,
      patterns: rows.patterns.filter((pattern) => staged.has(pattern.key)),
      occurrences: rows.occurrences.filter((occurrence) => occurrenceKeys.has(occurrence.key)),
      relationships,
    },
    occurrences: { stagedKeys: [...occurrenceKeys], vanishedKeys },
    removedRelationships,
  };
}
