import { PGlite } from "@electric-sql/pglite";

/** One searchable pattern as the patterns table stores it for full text. */
export interface TextDocument {
  name: string;
  description: string;
  searchText: string;
}

/**
 * The full-text half of match_patterns, run by real Postgres (PGlite): the same weighted
 * tsvector (name A, description B, search_text C), the same query rewrite (websearch terms
 * OR-ed unless negated) and ts_rank_cd, so the harness ranks text exactly as the product.
 */
export async function createPostgresTextRanker(documents: TextDocument[]) {
  const database = new PGlite();
  await database.exec(`create table docs (
    id integer primary key, name text, description text, search_text text,
    search_vector tsvector generated always as (
      setweight(to_tsvector('english'::regconfig, name), 'A')
      || setweight(to_tsvector('english'::regconfig, description), 'B')
      || setweight(to_tsvector('english'::regconfig, search_text), 'C')) stored)`);
  await database.query(
    "insert into docs select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])",
    [documents.map((_, index) => index), documents.map((d) => d.name), documents.map((d) => d.description), documents.map((d) => d.searchText)],
  );
  return {
    /** Document indexes, best first, at most `limit` (the SQL function's candidate_limit). */
    async rank(query: string, limit: number): Promise<number[]> {
      const result = await database.query<{ id: number }>(
        `with strict_query as (select websearch_to_tsquery('english'::regconfig, $1) as q),
         text_query as (select case when q::text = '' then null when q::text like '%!%' then q
                        else replace(q::text, ' & ', ' | ')::tsquery end as q from strict_query)
         select d.id from docs d, text_query t where t.q is not null and d.search_vector @@ t.q
         order by ts_rank_cd(d.search_vector, t.q) desc, d.id limit $2`,
        [query, limit],
      );
      return result.rows.map((row) => row.id);
    },
    close: () => database.close(),
  };
}
