import { asService, type Database } from "@/lib/db";

/**
 * What a project holds that a reader sees — live patterns, live occurrences, relationships —
 * in a stable order, so that two ingests' results compare with `toEqual`.
 */
export async function projectState(database: Database, projectId: string) {
  return asService(database, async (transaction) => ({
    patterns: await transaction.query(
      `select p.extraction_key, p.name, p.kind, p.quality_score, p.complexity, p.tags from public.patterns p
       where p.project_id = $1 and exists (select 1 from public.pattern_occurrences o where o.pattern_id = p.id and o.removed_at is null)
       order by p.extraction_key`, [projectId]),
    occurrences: await transaction.query(
      `select p.extraction_key, o.file_path, o.start_line, o.end_line, o.qualname from public.pattern_occurrences o
       join public.patterns p on p.id = o.pattern_id where o.project_id = $1 and o.removed_at is null
       order by o.file_path, o.start_line, p.extraction_key`, [projectId]),
    relationships: await transaction.query(
      `select s.extraction_key as source, t.extraction_key as target, r.relationship_type, r.strength from public.pattern_relationships r
       join public.patterns s on s.id = r.source_pattern_id join public.patterns t on t.id = r.target_pattern_id
       where r.project_id = $1 order by 1, 2, 3`, [projectId]),
  }));
}
