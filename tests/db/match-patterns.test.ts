import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, listMatchDetailsByIds, withUser, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { matchPatterns } from "@/lib/search";
import { rerankPartNames } from "@/lib/domain";
import { createTestDatabase } from "@/tests/support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { probeAs, userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

let database: Database;
let world: World;
const embedder = createBuiltinProvider();

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  await ingestExtraction({ database, claims: "service_role", projectId: world.alpha.id, result: sampleExtraction(), embedder });
});
afterAll(() => database.close());

async function sqlMatch(claims: ReturnType<typeof userClaims>, intent: string, filters: object = {}, limit = 5) {
  const [vector] = await embedder.embed([intent]);
  return probeAs(database, claims, (transaction) =>
    transaction.query<Record<string, number | string | null>>(`select * from public.match_patterns($1::extensions.vector, $2, $3, $4::jsonb, $5)`, [
      `[${Array.from(vector).join(",")}]`, intent, world.alpha.id, JSON.stringify(filters), limit,
    ]),
  );
}

const idOf = async (key: string) =>
  (await asService(database, (transaction) => transaction.query<{ id: string }>(`select id from public.patterns where extraction_key = $1`, [key])))[0].id;

describe("public.match_patterns", () => {
  it("puts the pattern that fits first and returns every part of its rank", async () => {
    const outcome = await sqlMatch(userClaims(world.users.carol), "retry a failing http request with exponential backoff");
    if (!outcome.ok) throw new Error(outcome.message);
    const [first] = outcome.value;
    expect(first.id).toBe(await idOf("retry01"));
    expect(first.vector_rank).toBe(1);
    expect(first.text_rank).toBe(1);
    expect(first.rrf_score).toBeCloseTo(1 / 61 + 0.2 / 61, 12); // the text list weighs 0.2 (20261121001400)
    expect(first.relevance).toBeCloseTo(1, 12);
    expect(first.quality).toBe(0.7);
    expect(first.smoothed_success_rate).toBe(0.5); // no outcome yet: (0+1)/(0+0+2)
    expect(Number(first.words_found)).toBeGreaterThan(0);
    expect(Number(first.words_found)).toBeLessThanOrEqual(Number(first.intent_words));
    // The intent's words found in it weigh 0.15 (20261208150001).
    const covered = 1 + (0.15 * Number(first.words_found)) / Number(first.intent_words);
    expect(first.final_score).toBeCloseTo(1 * (0.8 + 0.1 * 0.7 + 0.1 * 0.5) * covered, 12);
  });

  it("ranks without word coverage when coverage_weight is 0", async () => {
    const intent = "retry a failing http request with exponential backoff";
    const [vector] = await embedder.embed([intent]);
    const outcome = await probeAs(database, userClaims(world.users.carol), (transaction) =>
      transaction.query<Record<string, number>>(
        `select * from public.match_patterns($1::extensions.vector, $2, $3, '{}'::jsonb, 5, 0, null, 60, 0.1, 0.1, 300, 0.2, 0)`,
        [`[${Array.from(vector).join(",")}]`, intent, world.alpha.id],
      ),
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(Number(outcome.value[0].words_found)).toBeGreaterThan(0);
    expect(outcome.value[0].final_score).toBeCloseTo(0.8 + 0.1 * 0.7 + 0.1 * 0.5, 12);
  });

  it("blends in a smoothed success rate: (success+1)/(success+failure+2)", async () => {
    const retry = await idOf("retry01");
    await asService(database, (transaction) => transaction.query(`update public.patterns set success_count = 12, failure_count = 2 where id = $1`, [retry]));
    const outcome = await sqlMatch(userClaims(world.users.bob), "retry a failing http request with exponential backoff");
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value[0].smoothed_success_rate).toBeCloseTo(13 / 16, 12);
    const covered = 1 + (0.15 * Number(outcome.value[0].words_found)) / Number(outcome.value[0].intent_words);
    expect(outcome.value[0].final_score).toBeCloseTo((0.8 + 0.1 * 0.7 + 0.1 * (13 / 16)) * covered, 12);
  });

  it("applies the filters of DESIGN §5 and shows active patterns only by default", async () => {
    const kinds = await sqlMatch(userClaims(world.users.bob), "configuration settings", { kinds: ["singleton"] });
    expect(kinds.ok && kinds.value.map((row) => row.id)).toEqual([await idOf("single01")]);
    const tags = await sqlMatch(userClaims(world.users.bob), "anything", { tags: ["orders", "nothing-here"] });
    expect(tags.ok && tags.value.map((row) => row.id)).toEqual([await idOf("helper01")]);
    const quality = await sqlMatch(userClaims(world.users.bob), "retry", { min_quality_score: 0.71 });
    expect(quality.ok && quality.value.filter((row) => String(row.id) !== world.alpha.patterns[0])).toEqual([]);
    const success = await sqlMatch(userClaims(world.users.bob), "retry", { min_success_rate: 0.8 });
    expect(success.ok && success.value.map((row) => row.id)).toEqual([await idOf("retry01")]); // 12/14 = 0.857
    await asService(database, (transaction) => transaction.query(`update public.patterns set status = 'deprecated' where extraction_key = 'single01'`));
    const hidden = await sqlMatch(userClaims(world.users.bob), "configuration settings", { kinds: ["singleton"] });
    expect(hidden.ok && hidden.value).toEqual([]);
    const shown = await sqlMatch(userClaims(world.users.bob), "configuration settings", { kinds: ["singleton"], statuses: ["deprecated"] });
    expect(shown.ok && shown.value.length).toBe(1);
  });

  it("gives the same answers once the table has statistics (narrow filters then read the matching rows exactly)", async () => {
    await database.query(`analyze public.patterns`);
    const kinds = await sqlMatch(userClaims(world.users.bob), "configuration settings", { kinds: ["singleton"], statuses: ["active", "deprecated"] });
    expect(kinds.ok && kinds.value.map((row) => row.id)).toEqual([await idOf("single01")]);
    const tags = await sqlMatch(userClaims(world.users.bob), "anything", { tags: ["orders", "nothing-here"] });
    expect(tags.ok && tags.value.map((row) => row.id)).toEqual([await idOf("helper01")]);
    const unfiltered = await sqlMatch(userClaims(world.users.carol), "retry a failing http request with exponential backoff");
    expect(unfiltered.ok && unfiltered.value[0].id).toBe(await idOf("retry01"));
  });

  it("takes filter values as data, never as SQL (quotes, commas and braces in a tag)", async () => {
    const helper = await idOf("helper01");
    await asService(database, (transaction) =>
      transaction.query(`update public.patterns set tags = tags || array['it''s, {odd}'] where id = $1`, [helper]));
    const odd = await sqlMatch(userClaims(world.users.bob), "anything", { tags: ["it's, {odd}"] });
    expect(odd.ok && odd.value.map((row) => row.id)).toEqual([helper]);
    const injected = await sqlMatch(userClaims(world.users.bob), "anything", { tags: ["x'] or true --"] });
    expect(injected).toEqual({ ok: true, value: [] });
  });

  it("returns nothing of a project the caller has no role in (security invoker: RLS)", async () => {
    const outsider = await sqlMatch(userClaims(world.users.dave), "retry a failing http request with exponential backoff");
    expect(outsider).toEqual({ ok: true, value: [] });
  });

  it("keeps filtered kNN from starving: relaxed iterative scan is set inside the function", async () => {
    const [{ proconfig }] = await database.query<{ proconfig: string[] }>(`select proconfig from pg_proc where proname = 'match_pattern_candidates'`);
    expect(proconfig).toContain("hnsw.iterative_scan=relaxed_order");
  });

  it("ranks an unfiltered match (its static, session-planned statement) exactly as a filter every pattern passes (the statement built per call)", async () => {
    const types = await asService(database, (transaction) =>
      transaction.query<{ pattern_type: string }>(`select distinct pattern_type from public.patterns where project_id = $1`, [world.alpha.id]));
    const everyType = { pattern_types: types.map((row) => row.pattern_type) };
    // A deprecated pattern the intents below find: both statements must leave it out (as the filters test does).
    await asService(database, (transaction) => transaction.query(`update public.patterns set status = 'deprecated' where extraction_key = 'single01'`));
    for (const intent of ["retry a failing http request with exponential backoff", "configuration settings", "validate the input"]) {
      // Twice over the plan cache's switch to a generic plan (after five calls in a session).
      for (let call = 0; call < 7; call += 1) {
        const unfiltered = await sqlMatch(userClaims(world.users.carol), intent);
        const filtered = await sqlMatch(userClaims(world.users.carol), intent, everyType);
        if (!unfiltered.ok || !filtered.ok) throw new Error("the match failed");
        expect(unfiltered.value.length).toBeGreaterThan(0);
        expect(unfiltered.value).toEqual(filtered.value);
      }
    }
  });
});

describe("matchPatterns", () => {
  it("answers in DESIGN §5's shape with occurrences and derived recommendations, and counts the match for a viewer", async () => {
    const updatedAt = async (id: string) => (await asService(database, (transaction) =>
      transaction.query<{ updated_at: string }>(`select updated_at::text from public.patterns where id = $1`, [id])))[0].updated_at;
    const before = await updatedAt(await idOf("retry01"));
    const answer = await withUser(database, userClaims(world.users.carol), (transaction) =>
      matchPatterns({ transaction, projectId: world.alpha.id, request: { intent: "retry a failing http request with exponential backoff", limit: 1 }, embedder }),
    );
    const [match] = answer.matched_patterns;
    expect(match.name).toBe("Exponential Backoff Retry Loop");
    expect(match.occurrences.map((occurrence) => `${occurrence.file_path}:${occurrence.start_line}`)).toEqual([
      "shop/clients/inventory.py:10", "shop/clients/payments.py:10", "shop/clients/shipping.py:10",
    ]);
    expect(match.recommendations).toEqual([
      "used successfully 12/14 times",
      "test coverage unknown: no coverage report was ingested",
      "already in 3 places in the code",
    ]);
    expect(match.metadata.match_count).toBe(1);
    expect(answer.total_matches).toBeGreaterThan(1);
    expect(answer.query_metadata.embedding_model).toBe("motif-builtin-v4");
    const [row] = await asService(database, (transaction) => transaction.query<{ match_count: number; matched: boolean }>(
      `select match_count, last_matched_at is not null as matched from public.patterns where id = $1`, [match.pattern_id]));
    expect(row).toEqual({ match_count: 1, matched: true });
    // A match is not a change of the pattern: updated_at stays.
    expect(await updatedAt(match.pattern_id)).toBe(before);
  });

  it("re-ranks the SQL order's first candidates in Node, shows each part, and counts only the patterns it shows", async () => {
    const counts = async () => new Map((await asService(database, (transaction) => transaction.query<{ id: string; match_count: number }>(
      `select id, match_count from public.patterns where project_id = $1`, [world.alpha.id]))).map((row) => [row.id, row.match_count]));
    const before = await counts();
    const intent = "retry a failing http request with exponential backoff";
    const answer = await withUser(database, userClaims(world.users.carol), (transaction) =>
      matchPatterns({ transaction, projectId: world.alpha.id, request: { intent, limit: 2 }, embedder }));
    const rankings = answer.matched_patterns.map((match) => match.metadata.ranking);
    expect(rankings).toHaveLength(2);
    for (const ranking of rankings) {
      expect(ranking.rerank_parts, "every shown result of a small answer is re-ranked").not.toBeNull();
      const sum = Object.values(ranking.rerank_parts!).reduce((total, part) => total + part, 0);
      expect(ranking.rerank_score).toBeCloseTo(sum, 4);
      expect(Object.keys(ranking.rerank_parts!)).toEqual([...rerankPartNames]);
    }
    // The order is the re-rank's: never a lower re-rank score above a higher one.
    expect(rankings[0].rerank_score!).toBeGreaterThanOrEqual(rankings[1].rerank_score!);
    // Its SQL places are those of match_patterns for the same intent.
    const sql = await sqlMatch(userClaims(world.users.carol), intent, {}, 30);
    if (!sql.ok) throw new Error(sql.message);
    const sqlOrder = sql.value.map((row) => String(row.id));
    answer.matched_patterns.forEach((match) => expect(sqlOrder.indexOf(match.pattern_id) + 1).toBe(match.metadata.ranking.sql_position));
    // The re-ranker read up to 30 candidates; only the two shown were counted.
    const after = await counts();
    const changed = [...after].filter(([id, count]) => count !== before.get(id)).map(([id]) => id).sort();
    expect(changed).toEqual(answer.matched_patterns.map((match) => match.pattern_id).sort());
  });

  it("records a match as a HOT update (no index insert) while other updates still move updated_at and search_vector", async () => {
    const hotUpdates = async () => {
      await database.query(`select pg_stat_force_next_flush()`);
      const [row] = await database.query<{ updates: number; hot: number }>(
        `select n_tup_upd::int as updates, n_tup_hot_upd::int as hot from pg_stat_user_tables where relid = 'public.patterns'::regclass`);
      return row;
    };
    // Rewritten, every page keeps its fillfactor room (about one new row version) whatever
    // earlier tests changed.
    await database.query(`vacuum full public.patterns`);
    const ids = [await idOf("retry01")];
    const before = await hotUpdates();
    const touched = await withUser(database, userClaims(world.users.carol), (transaction) =>
      transaction.query<{ touched: number }>(`select public.record_pattern_matches($1::uuid[]) as touched`, [ids]));
    const after = await hotUpdates();
    expect(touched[0].touched).toBe(ids.length);
    expect(after.updates - before.updates).toBe(ids.length);
    expect(after.hot - before.hot).toBe(ids.length);
    const changed = await asService(database, (transaction) =>
      transaction.query<{ moved: boolean }>(
        `update public.patterns set description = description || ' (reworded)' where id = $1
         returning updated_at = now() as moved, search_vector @@ to_tsquery('english', 'reworded') as searchable`, [ids[0]]));
    // search_vector is kept by a trigger now (no longer a generated column): it follows its sources.
    expect(changed).toEqual([{ moved: true, searchable: true }]);
  });

  it("puts a deprecated pattern after the current ones, even the one that fits best", async () => {
    const retry = await idOf("retry01");
    const setStatus = (status: string) => asService(database, (transaction) => transaction.query(`update public.patterns set status = $2 where id = $1`, [retry, status]));
    const request = { intent: "retry a failing http request with exponential backoff", limit: 3, filters: { statuses: ["active" as const, "deprecated" as const] } };
    const ask = () => withUser(database, userClaims(world.users.bob), (transaction) => matchPatterns({ transaction, projectId: world.alpha.id, request, embedder }));
    expect((await ask()).matched_patterns[0].pattern_id).toBe(retry);
    await setStatus("deprecated");
    try {
      const answer = await ask();
      const ids = answer.matched_patterns.map((pattern) => pattern.pattern_id);
      const statuses = answer.matched_patterns.map((pattern) => pattern.metadata.status);
      // Deprecated rows (this one, and any an earlier test left so) follow every active one, renumbered.
      expect(statuses[0]).toBe("active");
      expect(statuses.slice(statuses.indexOf("deprecated")).every((status) => status === "deprecated")).toBe(true);
      expect(ids).toContain(retry);
      expect(ids[0]).not.toBe(retry);
      expect(answer.matched_patterns.map((pattern) => pattern.metadata.ranking.position)).toEqual(ids.map((_, index) => index + 1));
    } finally {
      await setStatus("active");
    }
  });
});

describe("a match request in two statements (candidates, then counters and details)", () => {
  it("record_pattern_match_counts returns the counters as it left them, for the patterns the caller may see (viewers too), as a HOT update", async () => {
    await database.query(`vacuum full public.patterns`);
    const id = await idOf("retry01");
    const [before] = await asService(database, (transaction) =>
      transaction.query<{ match_count: number; updated_at: string }>(`select match_count, updated_at::text from public.patterns where id = $1`, [id]));
    const hotUpdates = async () => {
      await database.query(`select pg_stat_force_next_flush()`);
      const [row] = await database.query<{ hot: number }>(`select n_tup_hot_upd::int as hot from pg_stat_user_tables where relid = 'public.patterns'::regclass`);
      return row.hot;
    };
    const hotBefore = await hotUpdates();
    const viewer = await withUser(database, userClaims(world.users.carol), (transaction) =>
      transaction.query<{ id: string; match_count: number; matched: boolean }>(
        `select id, match_count, last_matched_at = now() as matched from public.record_pattern_match_counts($1::uuid[])`, [[id]]));
    expect(viewer).toEqual([{ id, match_count: before.match_count + 1, matched: true }]);
    expect((await hotUpdates()) - hotBefore).toBe(1);
    // A member of another project only: nothing touched, nothing returned.
    const outsider = await withUser(database, userClaims(world.users.dave), (transaction) =>
      transaction.query(`select * from public.record_pattern_match_counts($1::uuid[])`, [[id]]));
    expect(outsider).toEqual([]);
    const [row] = await asService(database, (transaction) =>
      transaction.query<{ match_count: number; updated_at: string }>(`select match_count, updated_at::text from public.patterns where id = $1`, [id]));
    expect(row).toEqual({ match_count: before.match_count + 1, updated_at: before.updated_at });
  });

  it("concurrent matches each report their own count and lose none", async () => {
    const request = { intent: "retry a failing http request with exponential backoff", limit: 1 };
    const id = await idOf("retry01");
    const [{ match_count: start }] = await asService(database, (transaction) =>
      transaction.query<{ match_count: number }>(`select match_count from public.patterns where id = $1`, [id]));
    const answers = await Promise.all(Array.from({ length: 6 }, () =>
      withUser(database, userClaims(world.users.bob), (transaction) => matchPatterns({ transaction, projectId: world.alpha.id, request, embedder }))));
    expect(answers.map((answer) => answer.matched_patterns[0].pattern_id)).toEqual(Array(6).fill(id));
    const reported = answers.map((answer) => answer.matched_patterns[0].metadata.match_count).sort((left, right) => left - right);
    expect(reported).toEqual([1, 2, 3, 4, 5, 6].map((step) => start + step));
    const [{ match_count: end }] = await asService(database, (transaction) =>
      transaction.query<{ match_count: number }>(`select match_count from public.patterns where id = $1`, [id]));
    expect(end).toBe(start + 6);
  });

  it("answers like the separate statements: same ranking parts and the details of each pattern", async () => {
    const request = { intent: "parse a config file", limit: 5 };
    const answer = await withUser(database, userClaims(world.users.bob), (transaction) =>
      matchPatterns({ transaction, projectId: world.alpha.id, request, embedder }));
    // The SQL function's first 30 (what the re-ranker reads): each shown pattern has its parts there.
    const scores = await sqlMatch(userClaims(world.users.bob), "parse a config file", {}, 30);
    if (!scores.ok) throw new Error(scores.message);
    const byId = new Map(scores.value.map((row, index) => [String(row.id), { row, position: index + 1 }]));
    expect(answer.matched_patterns).toHaveLength(Math.min(5, scores.value.length));
    for (const pattern of answer.matched_patterns) {
      const { row, position } = byId.get(pattern.pattern_id)!;
      expect(pattern.metadata.ranking.final_score).toBe(Math.round(Number(row.final_score) * 1e6) / 1e6);
      expect(pattern.metadata.ranking.sql_position).toBe(position);
    }
    const details = await withUser(database, userClaims(world.users.bob), (transaction) =>
      listMatchDetailsByIds({ transaction, ids: answer.matched_patterns.map((pattern) => pattern.pattern_id), occurrenceLimit: 50 }));
    for (const pattern of answer.matched_patterns) {
      const detail = details.find((row) => row.id === pattern.pattern_id)!;
      expect(pattern.occurrences).toEqual(detail.occurrences);
      expect(pattern.metadata.occurrence_count).toBe(detail.occurrence_count);
      expect(pattern.metadata.tags).toEqual(detail.tags);
      expect(pattern.metadata.quality_score).toBe(detail.quality_score);
      // Read after both matches were recorded: the answer's count was the one before this read.
      expect(pattern.metadata.match_count).toBe(detail.match_count);
    }
  });

  it("GIN indexes of patterns keep a short pending list (embedded Postgres has no autovacuum to merge it)", async () => {
    const rows = await database.query<{ index: string; options: string[] }>(
      `select c.relname as index, c.reloptions as options from pg_class c join pg_index i on i.indexrelid = c.oid join pg_am a on a.oid = c.relam
       where i.indrelid = 'public.patterns'::regclass and a.amname = 'gin' order by 1`);
    expect(rows).toEqual([
      { index: "patterns_search_vector_idx", options: ["gin_pending_list_limit=256"] },
      { index: "patterns_tags_idx", options: ["gin_pending_list_limit=256"] },
    ]);
  });
});

describe("matchPatterns on each driver", () => {
  // Its only writes are counters: on a real Postgres it does not wait for a disk sync at commit;
  // PGlite, which has no WAL writer to flush later, keeps waiting.
  it("commits asynchronously on a real Postgres only, in the match's own transaction", async () => {
    const setting = await withUser(database, userClaims(world.users.carol), async (transaction) => {
      await matchPatterns({ transaction, projectId: world.alpha.id, embedder, request: { intent: "retry with backoff", limit: 1 } });
      return (await transaction.query<{ value: string }>(`select current_setting('synchronous_commit') as value`))[0].value;
    });
    expect(setting).toBe(database.driver === "postgres" ? "off" : "on");
    const [after] = await database.query<{ value: string }>(`select current_setting('synchronous_commit') as value`);
    expect(after.value).toBe("on");
  });
});
