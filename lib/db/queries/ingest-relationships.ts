import type { Queryable } from "../database";

/**
 * Upserts the staged relationships whose two ends resolved to patterns of this ingest.
 * An identical one is left alone; a changed strength, confidence or evidence is updated.
 */
export async function writeIngestRelationships({ transaction, projectId }: { transaction: Queryable; projectId: string }) {
  const [counts] = await transaction.query<{ created: number; updated: number }>(
    `with resolved as (
       select distinct on (s.pattern_id, t.pattern_id, r.relationship_type)
         s.pattern_id as source_pattern_id, t.pattern_id as target_pattern_id, r.relationship_type,
         r.strength, r.confidence, r.evidence
       from pg_temp.ingest_relationships r
       join pg_temp.ingest_targets s on s.key = r.source_key
       join pg_temp.ingest_targets t on t.key = r.target_key
       where s.pattern_id <> t.pattern_id
       order by s.pattern_id, t.pattern_id, r.relationship_type, r.strength desc
     ),
     upserted as (
       insert into public.pattern_relationships
         (project_id, source_pattern_id, target_pattern_id, relationship_type, strength, confidence, evidence)
       select $1, source_pattern_id, target_pattern_id, relationship_type, strength, confidence, evidence from resolved
       on conflict (source_pattern_id, target_pattern_id, relationship_type) do update
         set strength = excluded.strength, confidence = excluded.confidence, evidence = excluded.evidence
         where (pattern_relationships.strength, pattern_relationships.confidence, pattern_relationships.evidence)
           is distinct from (excluded.strength, excluded.confidence, excluded.evidence)
       returning xmax = 0 as inserted
     )
     select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated
     from upserted`,
    [projectId],
  );
  return counts;
}
