import type { Queryable } from "../database";

/** A project's stored ingest state, summed up (see `readIngestStateDigest`). */
export interface IngestStateDigest {
  /**
   * Whether an ingest may write only its difference from the last one: every pattern is its
   * own current version under a key of its own, and every occurrence belongs to this
   * repository with a repository-relative path.
   */
  simple: boolean;
  /** Changes whenever a pattern's key or extracted content, an occurrence or a relationship changes. */
  digest: string;
}

/**
 * Takes the project's ingest lock (as `resolveIngestTargets` does: held to the end of the
 * transaction) and sums up what an ingest's write reads: each pattern's id, key, extraction
 * hash, version chain, name and description (with the extraction hash, which covers the
 * search text ingest writes, these are the full-text vector's inputs: the lexeme counts
 * follow them); each occurrence and each relationship by the transaction that wrote its row
 * version (`xmin`: any insert, update or delete changes the sum or the count; only ingest
 * writes these rows, so it moves with nothing else, and hashing it costs a fraction of hashing
 * the rows' text; patterns are hashed by content because matches update their counters).
 * Order-free sums of row hashes (one scan of each table's project rows), so two equal digests
 * mean, short of a 64-bit hash collision in a sum, that nothing an ingest reads changed in between.
 */
export async function readIngestStateDigest({ transaction, projectId, repository }: { transaction: Queryable; projectId: string; repository: string }): Promise<IngestStateDigest> {
  await transaction.query(`select pg_advisory_xact_lock(hashtextextended('motif.ingest:' || $1::text, 0))`, [projectId]);
  const [row] = await transaction.query<{ simple: boolean; digest: string }>(
    `with patterns as (
       select count(*) as total, count(distinct extraction_key) as keys, count(extraction_key) as keyed,
         count(*) filter (where superseded_by is not null) as superseded,
         coalesce(sum(hashtextextended(concat_ws('|', id, extraction_key, extraction_hash, superseded_by, version, name, description), 0)), 0) as hash
       from public.patterns where project_id = $1
     ),
     occurrences as (
       select count(*) as total, count(*) filter (where repository <> $2 or not root_relative) as foreign_rows,
         coalesce(sum(hashtextextended(xmin::text, 0)), 0) as hash
       from public.pattern_occurrences where project_id = $1
     ),
     relationships as (
       select count(*) as total,
         coalesce(sum(hashtextextended(xmin::text, 0)), 0) as hash
       from public.pattern_relationships where project_id = $1
     )
     select p.superseded = 0 and p.keys = p.keyed and p.keyed = p.total and o.foreign_rows = 0 as simple,
       concat_ws(':', p.total, p.hash, o.total, o.hash, r.total, r.hash) as digest
     from patterns p, occurrences o, relationships r`,
    [projectId, repository],
  );
  return row;
}
