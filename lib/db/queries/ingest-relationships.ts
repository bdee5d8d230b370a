import type { Queryable } from "../database";

/** What an ingest did to the project's relationships. */
export interface RelationshipChanges {
  created: number;
  updated: number;
  removed: number;
}

// The patterns this ingest saw whole: every pattern it staged, and every pattern whose code it
// found gone (it had occurrences in this repository and scope, and none is live any more).
// Between two such patterns, the extraction would have found any relationship that still
// holds. Runs after the occurrences were written.
async function collectCoveredPatterns(transaction: Queryable, options: { projectId: string; repository: string; scope: string[] | null }) {
  await transaction.query(
    `create temp table ingest_covered on commit drop as
     select t.pattern_id from pg_temp.ingest_targets t where t.pattern_id is not null
     union
     select o.pattern_id from public.pattern_occurrences o
     where o.project_id = $1 and o.repository = $2 and o.removed_at is not null
       and ($3::text[] is null or exists (
         select 1 from unnest($3::text[]) s(prefix)
         where s.prefix = '' or o.file_path = s.prefix or left(o.file_path, length(s.prefix) + 1) = s.prefix || '/'
       ))
       and not exists (select 1 from public.pattern_occurrences l where l.project_id = $1 and l.pattern_id = o.pattern_id and l.removed_at is null)`,
    [options.projectId, options.repository, options.scope],
  );
  await transaction.query(`create unique index on pg_temp.ingest_covered (pattern_id)`);
}

async function resolveStagedRelationships(transaction: Queryable) {
  await transaction.query(
    `create temp table ingest_resolved_relationships on commit drop as
     select distinct on (s.pattern_id, t.pattern_id, r.relationship_type)
       s.pattern_id as source_pattern_id, t.pattern_id as target_pattern_id, r.relationship_type,
       r.strength, r.confidence, r.evidence
     from pg_temp.ingest_relationships r
     join pg_temp.ingest_targets s on s.key = r.source_key
     join pg_temp.ingest_targets t on t.key = r.target_key
     where s.pattern_id <> t.pattern_id
     order by s.pattern_id, t.pattern_id, r.relationship_type, r.strength desc`,
  );
}

// Ingest-derived relationships between two covered patterns that this extraction no longer
// finds: the code that made them is gone. Manual ones, and those touching code this ingest
// did not see, stay.
async function deleteVanished(transaction: Queryable, projectId: string): Promise<number> {
  const [{ removed }] = await transaction.query<{ removed: number }>(
    `with removed as (
       delete from public.pattern_relationships x
       where x.project_id = $1 and x.origin = 'ingest'
         and x.source_pattern_id in (select pattern_id from pg_temp.ingest_covered)
         and x.target_pattern_id in (select pattern_id from pg_temp.ingest_covered)
         and not exists (
           select 1 from pg_temp.ingest_resolved_relationships r
           where r.source_pattern_id = x.source_pattern_id and r.target_pattern_id = x.target_pattern_id
             and r.relationship_type = x.relationship_type
         )
       returning 1
     )
     select count(*)::int as removed from removed`,
    [projectId],
  );
  return removed;
}

/** A relationship by its two ends' extraction keys and its type. */
export interface RelationshipKeys {
  source_key: string;
  target_key: string;
  relationship_type: string;
}

// An ingest that writes only its difference from the last one names the relationships the
// last one wrote and this one no longer finds; keys resolve directly (see `OccurrencePatterns`).
async function deleteNamed(transaction: Queryable, projectId: string, removed: readonly RelationshipKeys[]): Promise<number> {
  if (removed.length === 0) return 0;
  const [{ count }] = await transaction.query<{ count: number }>(
    `with named as (
       select * from jsonb_to_recordset($2::jsonb) as n(source_key text, target_key text, relationship_type text)
     ),
     removed as (
       delete from public.pattern_relationships x
       using named n, public.patterns s, public.patterns t
       where x.project_id = $1 and x.origin = 'ingest'
         and s.project_id = $1 and s.extraction_key = n.source_key and t.project_id = $1 and t.extraction_key = n.target_key
         and x.source_pattern_id = s.id and x.target_pattern_id = t.id and x.relationship_type = n.relationship_type
       returning 1
     )
     select count(*)::int as count from removed`,
    [projectId, JSON.stringify(removed)],
  );
  return count;
}

/**
 * Replaces the relationships derived from the ingested code with what this extraction found:
 * upserts the staged ones whose two ends resolved to patterns (an identical one is left
 * alone; a changed strength, confidence or evidence is updated; a manual one stays as the
 * person wrote it) and deletes the ingest-derived ones between patterns this ingest saw
 * whole that it no longer finds. Call after the occurrences were written. Given `removed`
 * (an ingest that staged only its difference from the last one), deletes those instead.
 */
export async function writeIngestRelationships(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
  scope: string[] | null;
  removed?: readonly RelationshipKeys[];
}): Promise<RelationshipChanges> {
  const { transaction, projectId } = options;
  await resolveStagedRelationships(transaction);
  let removed: number;
  if (options.removed) removed = await deleteNamed(transaction, projectId, options.removed);
  else {
    await collectCoveredPatterns(transaction, options);
    removed = await deleteVanished(transaction, projectId);
  }
  const [counts] = await transaction.query<{ created: number; updated: number }>(
    `with upserted as (
       insert into public.pattern_relationships
         (project_id, source_pattern_id, target_pattern_id, relationship_type, strength, confidence, evidence, origin)
       select $1, source_pattern_id, target_pattern_id, relationship_type, strength, confidence, evidence, 'ingest'
       from pg_temp.ingest_resolved_relationships
       on conflict (source_pattern_id, target_pattern_id, relationship_type) do update
         set strength = excluded.strength, confidence = excluded.confidence, evidence = excluded.evidence
         where pattern_relationships.origin = 'ingest'
           and (pattern_relationships.strength, pattern_relationships.confidence, pattern_relationships.evidence)
             is distinct from (excluded.strength, excluded.confidence, excluded.evidence)
       returning xmax = 0 as inserted
     )
     select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated
     from upserted`,
    [projectId],
  );
  return { ...counts, removed };
}
