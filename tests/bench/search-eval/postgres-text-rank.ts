import { PGlite } from "@electric-sql/pglite";

/** One searchable pattern as the patterns table stores it for full text. */
export interface TextDocument {
  name: string;
  description: string;
  searchText: string;
}

/** match_patterns' default text_budget: how many patterns the OR-ed intent words may reach. */
const textBudget = 300;

/**
 * The full-text half of match_patterns, run by real Postgres (PGlite): the same weighted
 * tsvector (name A, description B, search_text C), the same query rewrite (the intent's
 * websearch_to_tsquery lexemes OR-ed, rarest first while the patterns holding them add up
 * to at most text_budget, counted by ts_stat as private.search_lexeme_stats is; negated
 * words excluded) and ts_rank_cd, so the harness ranks text exactly as the product.
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
  await database.exec("create table lexeme_stats as select word as lexeme, ndoc as documents from ts_stat('select search_vector from docs')");
  return {
    /** Document indexes, best first, at most `limit` (the SQL function's candidate_limit). */
    async rank(query: string, limit: number): Promise<number[]> {
      const result = await database.query<{ id: number }>(
        `with
         parsed as (
           select m[1] = '!' as negated, replace(m[2], '''''', '''') as lexeme
           from regexp_matches(websearch_to_tsquery('english'::regconfig, $1)::text, '(!?)''((?:[^'']|'''')+)''', 'g') m),
         wanted as (
           select w.lexeme, sum(coalesce(s.documents, 0)) over (order by coalesce(s.documents, 0), w.lexeme) as cumulative
           from (select distinct lexeme from parsed where not negated) w
           left join lexeme_stats s on s.lexeme = w.lexeme),
         text_query as (
           select case when t.included is null then null
             else (t.included || coalesce(' & !(' || t.excluded || ')', ''))::tsquery end as q
           from (select
             '(' || (select string_agg(quote_literal(lexeme), ' | ') from wanted where cumulative <= $3) || ')' as included,
             (select string_agg(quote_literal(lexeme), ' | ') from parsed where negated) as excluded) t)
         select d.id from docs d, text_query t where t.q is not null and d.search_vector @@ t.q
         order by ts_rank_cd(d.search_vector, t.q) desc, d.id limit $2`,
        [query, limit, textBudget],
      );
      return result.rows.map((row) => row.id);
    },
    /**
     * match_patterns' intent_words and words_found: the intent's distinct non-negated lexemes
     * (as websearch_to_tsquery parses them) and, for each document, how many its vector holds.
     */
    async wordsFound(query: string, ids: number[]): Promise<{ intentWords: number; found: Map<number, number> }> {
      const result = await database.query<{ id: number; intent_words: number; words_found: number }>(
        `with lexemes as (
           select array(select distinct replace(m[2], '''''', '''')
             from regexp_matches(websearch_to_tsquery('english'::regconfig, $1)::text, '(!?)''((?:[^'']|'''')+)''', 'g') m
             where m[1] = '') as l)
         select d.id, cardinality(x.l) as intent_words,
           (select count(*) from unnest(x.l) w where w = any(tsvector_to_array(d.search_vector)))::int as words_found
         from docs d, lexemes x where d.id = any($2::int[])`,
        [query, ids],
      );
      const intentWords = result.rows[0]?.intent_words ?? 0;
      return { intentWords, found: new Map(result.rows.map((row) => [row.id, row.words_found])) };
    },
    close: () => database.close(),
  };
}
