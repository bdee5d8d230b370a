import type { Queryable } from "../database";

/** A stored pattern whose vector another model made, with what its embedding text is made of. */
export interface PatternToReembed {
  id: string;
  name: string;
  description: string;
  /** What a model wrote of the pattern (`motif describe`), when one did. */
  llm_description: string | null;
  code: string;
  tags: string[];
  kind: string | null;
  pattern_type: string;
  dependencies: string[];
  /** Names it occurs under (live occurrences), as ingest embedded them. */
  qualnames: string[];
  embedding_model: string | null;
  /** Read with the row: the write only lands if the row is still as it was read. */
  updated_at: string;
}

/** Projects (all, or the one given) holding patterns that another model than `model` embedded, with how many. */
export async function listProjectsToReembed({ transaction, model, projectId }: { transaction: Queryable; model: string; projectId?: string }) {
  return transaction.query<{ project_id: string; patterns: number }>(
    `select project_id, count(*)::int as patterns from public.patterns
     where embedding_model is distinct from $1 and ($2::uuid is null or project_id = $2)
     group by project_id order by project_id`,
    [model, projectId ?? null],
  );
}

/** How many of a project's patterns (every version and status) another model embedded. */
export async function countPatternsToReembed({ transaction, projectId, model }: { transaction: Queryable; projectId: string; model: string }) {
  const [{ count }] = await transaction.query<{ count: number }>(
    `select count(*)::int as count from public.patterns where project_id = $1 and embedding_model is distinct from $2`,
    [projectId, model],
  );
  return count;
}

/** The next `limit` patterns of a project that another model embedded, in id order. */
export async function listPatternsToReembed({
  transaction,
  projectId,
  model,
  limit,
}: {
  transaction: Queryable;
  projectId: string;
  model: string;
  limit: number;
}): Promise<PatternToReembed[]> {
  return transaction.query<PatternToReembed>(
    `select p.id, p.name, p.description, p.llm_description, p.code, p.tags, p.kind, p.pattern_type, p.dependencies, p.embedding_model,
       p.updated_at::text as updated_at,
       array(select distinct o.qualname from public.pattern_occurrences o
             where o.project_id = p.project_id and o.pattern_id = p.id and o.removed_at is null and o.qualname is not null
             order by o.qualname) as qualnames
     from public.patterns p
     where p.project_id = $1 and p.embedding_model is distinct from $2
     order by p.id
     limit $3`,
    [projectId, model, limit],
  );
}

/**
 * Stores new vectors with the model that made them, vector and model in one statement so that
 * no row ever pairs a vector with another model's name. A row changed since it was read (an
 * edit, an ingest) is skipped; the job reads it again. Returns how many rows were written.
 */
export async function writePatternEmbeddings({
  transaction,
  projectId,
  model,
  embeddings,
}: {
  transaction: Queryable;
  projectId: string;
  model: string;
  embeddings: ReadonlyArray<{ id: string; vector: Float32Array; readModel: string | null; readUpdatedAt: string }>;
}): Promise<number> {
  if (embeddings.length === 0) return 0;
  const rows = embeddings.map((row) => ({
    id: row.id, vector: `[${Array.from(row.vector).join(",")}]`, read_model: row.readModel, read_updated_at: row.readUpdatedAt,
  }));
  const [{ written }] = await transaction.query<{ written: number }>(
    `with incoming as (
       select * from jsonb_to_recordset($3::jsonb) as r(id uuid, vector text, read_model text, read_updated_at timestamptz)
     ),
     written as (
       update public.patterns p set embedding = i.vector::extensions.vector, embedding_model = $2
       from incoming i
       where p.project_id = $1 and p.id = i.id
         and p.embedding_model is not distinct from i.read_model and p.updated_at = i.read_updated_at
       returning 1
     )
     select count(*)::int as written from written`,
    [projectId, model, JSON.stringify(rows)],
  );
  return written;
}
