import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, type Database } from "@/lib/db";
import { createTestDatabase } from "@/tests/support/test-database";
import { commitAs, probeAs, userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

// A match filtered by tags or kinds ranks its vector list from private.pattern_filter_vectors
// (20261209130001/20261209130002): an index-only scan of a halfvec copy, re-ranked by the
// patterns' own vectors. These tests hold it to the exact answer read from the patterns
// themselves, and check that the copy follows every change of a pattern.

let database: Database;
let world: World;
const tags = ["alpha", "beta", "gamma", "delta"];
const kinds = ["factory", "singleton", "builder"];
const languages = ["python", "typescript"];

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  // 240 patterns with random vectors (fixed seed) and a spread of tags, kinds, languages and
  // qualities, so that every filter below keeps more rows than the 50 candidates it returns.
  await commitAs(database, "service_role", async (transaction) => {
    await transaction.query(`select setseed(0.13)`);
    await transaction.query(
    `insert into public.patterns (project_id, pattern_type, kind, name, language, tags, quality_score, status, embedding)
     select $1, case when g % 5 = 0 then 'class_pattern' else 'function_pattern' end,
       ($3::text[])[1 + g % 4], 'generated ' || g, ($4::text[])[1 + g % 2],
       array[($2::text[])[1 + g % 4], ($2::text[])[1 + (g / 4) % 4]], (g % 10) / 10.0,
       case when g % 17 = 0 then 'deprecated' else 'active' end,
       (select array_agg(random() - 0.5) from generate_series(1, 384) d where g > 0)::extensions.vector
     from generate_series(1, 240) g`,
    [world.alpha.id, tags, kinds, languages],
    );
  });
  await database.query(`analyze public.patterns`);
});
afterAll(() => database.close());

const randomVector = (seed: number) => `[${Array.from({ length: 384 }, (_, index) => Math.sin(seed * 997 + index * 7.3)).join(",")}]`;

/** The vector list of a filtered match (rank 1..50) as the member bob gets it. */
async function vectorList(vector: string, filters: object): Promise<string[]> {
  const outcome = await probeAs(database, userClaims(world.users.bob), (transaction) => transaction.query<{ id: string; vector_rank: number | null }>(
    `select id, vector_rank from public.match_patterns($1::extensions.vector, '', $2, $3::jsonb, 100, 0, 50)`,
    [vector, world.alpha.id, JSON.stringify(filters)],
  ));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value.filter((row) => row.vector_rank !== null).sort((a, b) => a.vector_rank! - b.vector_rank!).map((row) => row.id);
}

/** The exact top 50 by cosine distance over the patterns' own rows and vectors. */
async function exactList(vector: string, where: string, parameters: unknown[]): Promise<string[]> {
  const rows = await asService(database, (transaction) => transaction.query<{ id: string }>(
    `select p.id from public.patterns p
     where p.project_id = $2 and p.embedding is not null and ${where}
     order by p.embedding operator(extensions.<=>) $1::extensions.vector, p.id limit 50`,
    [vector, world.alpha.id, ...parameters],
  ));
  return rows.map((row) => row.id);
}

const filterCases: Array<{ label: string; filters: object; where: string; parameters: unknown[] }> = [
  { label: "one tag", filters: { tags: ["alpha"] }, where: `p.status = 'active' and p.tags && $3::text[]`, parameters: [["alpha"]] },
  { label: "two tags", filters: { tags: ["beta", "gamma"] }, where: `p.status = 'active' and p.tags && $3::text[]`, parameters: [["beta", "gamma"]] },
  { label: "one kind", filters: { kinds: ["singleton"] }, where: `p.status = 'active' and p.kind = any ($3::text[])`, parameters: [["singleton"]] },
  {
    label: "kinds and a tag", filters: { kinds: ["factory", "builder"], tags: ["delta"] },
    where: `p.status = 'active' and p.kind = any ($3::text[]) and p.tags && $4::text[]`, parameters: [["factory", "builder"], ["delta"]],
  },
  {
    label: "a tag, a language, a type and a quality", filters: { tags: ["alpha", "beta"], languages: ["python"], pattern_types: ["function_pattern"], min_quality_score: 0.2 },
    where: `p.status = 'active' and p.tags && $3::text[] and p.language = 'python' and p.pattern_type = 'function_pattern' and p.quality_score >= 0.2`,
    parameters: [["alpha", "beta"]],
  },
  {
    label: "retired statuses", filters: { tags: ["gamma"], statuses: ["deprecated", "active"] },
    where: `p.status in ('deprecated', 'active') and p.tags && $3::text[]`, parameters: [["gamma"]],
  },
];

describe("a match filtered by tags or kinds", () => {
  for (const { label, filters, where, parameters } of filterCases) {
    it(`ranks its vector list exactly (${label})`, async () => {
      for (const seed of [1, 2, 3]) {
        const vector = randomVector(seed);
        const exact = await exactList(vector, where, parameters);
        expect(exact.length).toBeGreaterThan(0);
        expect(await vectorList(vector, filters)).toEqual(exact);
      }
    });
  }

  it("reads the vectors from the copy (a pattern missing from it is not a candidate)", async () => {
    const vector = randomVector(4);
    const [first] = await vectorList(vector, { tags: ["alpha"] });
    await database.query(`delete from private.pattern_filter_vectors where pattern_id = $1 and filter_key = 'tag:alpha'`, [first]);
    try {
      expect(await vectorList(vector, { tags: ["alpha"] })).not.toContain(first);
    } finally {
      await database.query(`update public.patterns set tags = tags where id = $1`, [first]); // unchanged: the copy is not rewritten
      await database.query(
        `update public.patterns set quality_score = quality_score + 0.01 where id = $1`, [first]); // a copied column: it is
    }
    expect((await vectorList(vector, { tags: ["alpha"] }))[0]).toBe(first);
  });

  it("follows the patterns: tags, kind, status and vector changed, rows deleted", async () => {
    const vector = randomVector(5);
    const [first, second] = await vectorList(vector, { tags: ["beta"] });
    await commitAs(database, "service_role", (transaction) => transaction.query(
      `update public.patterns set tags = array['epsilon'] where id = $1`, [first]));
    expect(await vectorList(vector, { tags: ["beta"] })).not.toContain(first);
    expect((await vectorList(vector, { tags: ["epsilon"] }))).toEqual([first]);

    await commitAs(database, "service_role", (transaction) => transaction.query(
      `update public.patterns set kind = 'adapter' where id = $1`, [first]));
    expect(await vectorList(vector, { kinds: ["adapter"] })).toEqual([first]);

    await commitAs(database, "service_role", (transaction) => transaction.query(
      `update public.patterns set status = 'archived' where id = $1`, [first]));
    expect(await vectorList(vector, { kinds: ["adapter"] })).toEqual([]);
    expect(await vectorList(vector, { kinds: ["adapter"], statuses: ["archived"] })).toEqual([first]);

    // The second pattern takes the query's own vector: it leads every list it is in.
    await commitAs(database, "service_role", (transaction) => transaction.query(
      `update public.patterns set embedding = $2::extensions.vector where id = $1`, [second, vector]));
    expect((await vectorList(vector, { tags: ["beta"] }))[0]).toBe(second);

    await commitAs(database, "service_role", (transaction) => transaction.query(`delete from public.patterns where id = $1`, [second]));
    expect(await vectorList(vector, { tags: ["beta"] })).not.toContain(second);
    const copied = await database.query<{ pattern_id: string; filter_key: string; status: string }>(
      `select pattern_id, filter_key, status from private.pattern_filter_vectors where pattern_id = any ($1::uuid[]) order by filter_key`,
      [[first, second]]);
    // The archived pattern keeps its rows (a filter may ask for archived patterns); the deleted one has none.
    expect(copied).toEqual([
      { pattern_id: first, filter_key: "kind:adapter", status: "archived" },
      { pattern_id: first, filter_key: "tag:epsilon", status: "archived" },
    ]);
  });
});

describe("a match filtered by pattern type", () => {
  it("walks the type's own HNSW graph (20261209130003) and finds the nearest pattern of that type", async () => {
    const vector = randomVector(6);
    // The filtered statement as match_pattern_candidates builds it for a set too large for
    // an exact scan (values as literals, planned with them).
    // At 240 rows a sort of all of them is cheapest: the test asks which graph serves an
    // ordered index scan when one must (sorting and other scans off).
    const plan = await asService(database, async (transaction) => {
      for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) await transaction.query(`select set_config($1, 'off', true)`, [setting]);
      return transaction.query<{ "QUERY PLAN": string }>(
      `explain select p.id from public.patterns p
       where p.project_id = '${world.alpha.id}'::uuid and p.status = any ('{active}'::text[])
         and p.pattern_type = any ('{class_pattern}'::text[]) and p.embedding is not null
       order by p.embedding operator(extensions.<=>) '${vector}'::extensions.vector limit 50`);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("patterns_embedding_class_idx");
    // candidate_limit 1: 48 class patterns are too many for an exact scan of one candidate
    // (48^2 > 8 x 1 x 240), so the HNSW scan answers.
    const outcome = await probeAs(database, userClaims(world.users.bob), (transaction) => transaction.query<{ id: string; vector_rank: number | null }>(
      `select id, vector_rank from public.match_patterns($1::extensions.vector, '', $2, '{"pattern_types": ["class_pattern"]}'::jsonb, 1, 0, 1)`,
      [vector, world.alpha.id],
    ));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.map((row) => row.id)).toEqual(
      await exactList(vector, `p.status = 'active' and p.pattern_type = 'class_pattern'`, []).then((ids) => ids.slice(0, 1)));
  });
});
