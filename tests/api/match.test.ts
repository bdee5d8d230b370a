import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createKey } from "@/app/api/v1/projects/[slug]/api-keys/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { POST as match } from "@/app/api/v1/patterns/match/route";
import { asService } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { sampleExtraction } from "@/tests/db/support/ingest-fixture";
import { joinProject, signUpAccount, type TestAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
let alice: TestAccount;
let bob: TestAccount;
let carol: TestAccount;
const intent = "retry a failing http request with exponential backoff";

async function projectId(slug: string): Promise<string> {
  const [row] = await asService(api.database, (transaction) => transaction.query<{ id: string }>(`select id from public.projects where slug = $1`, [slug]));
  return row.id;
}

beforeAll(async () => {
  api = await useTestApi();
  [alice, bob, carol] = await Promise.all(["alice", "bob", "carol"].map((name) => signUpAccount(`${name}@example.com`)));
  await callRoute(createProject, { method: "POST", cookie: alice.cookie, body: { name: "Project A", slug: "project-a" } });
  await callRoute(createProject, { method: "POST", cookie: bob.cookie, body: { name: "Project B", slug: "project-b" } });
  await joinProject({ admin: alice, slug: "project-a", account: carol, role: "viewer" });
  await ingestExtraction({ database: api.database, claims: "service_role", projectId: await projectId("project-a"), result: sampleExtraction(), embedder: createBuiltinProvider() });
});
afterAll(() => api.close());

const post = (account: TestAccount | undefined, body: unknown, bearer?: string) =>
  callRoute(match, { method: "POST", cookie: account?.cookie, bearer, body });

describe("POST /api/v1/patterns/match", () => {
  it("names the bad field in a 400", async () => {
    const cases: Array<[unknown, string]> = [
      [{ project: "project-a" }, "intent: "],
      [{ project: "project-a", intent: "" }, "intent: is required"],
      [{ project: "project-a", intent: "x".repeat(2001) }, "intent: must be at most 2000 characters"],
      [{ project: "project-a", intent, limit: 0 }, "limit: must be at least 1"],
      [{ project: "project-a", intent, limit: 101 }, "limit: must be at most 100"],
      [{ project: "project-a", intent, filters: { kinds: ["retry"] } }, "filters.kinds.0: "],
      [{ project: "project-a", intent, filters: { min_quality_score: 2 } }, "filters.min_quality_score: "],
      [{ project: "project-a", intent, min_confidence: -1 }, "min_confidence: "],
    ];
    for (const [body, message] of cases) {
      const answer = await post(alice, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.code).toBe("bad_request:input");
      expect(answer.body.error.message.startsWith(message), answer.body.error.message).toBe(true);
    }
  });

  it("answers a member with the retry pattern first, its occurrences and the ranking parts", async () => {
    const answer = await post(alice, { project: "project-a", intent, limit: 2 });
    expect(answer.status).toBe(200);
    const [first] = answer.body.matched_patterns;
    expect(first).toMatchObject({ name: "Exponential Backoff Retry Loop", kind: "retry_backoff", pattern_type: "design_pattern" });
    expect(first.occurrences[0]).toEqual({ repository: "", file_path: "shop/clients/inventory.py", start_line: 10, end_line: 19, qualname: "fetch_stock" });
    expect(Object.keys(first.metadata.ranking).sort()).toEqual([
      "final_score", "intent_words", "position", "quality", "relevance", "rerank_parts", "rerank_score", "rerank_share", "rrf_score", "similarity_z", "smoothed_success_rate", "sql_position", "text_rank", "text_score", "vector_rank",
      "vector_similarity", "words_found",
    ]);
    expect(answer.body.matched_patterns).toHaveLength(2);
    // The re-rank that placed it: its parts add up to its score, and the second scores no higher.
    const { rerank_parts: parts, rerank_score: rerankScore } = first.metadata.ranking;
    expect(Object.values(parts as Record<string, number>).reduce((total, part) => total + part, 0)).toBeCloseTo(rerankScore, 4);
    expect(answer.body.matched_patterns[1].metadata.ranking.rerank_score).toBeLessThanOrEqual(rerankScore);
    // Every word of the intent is in it, and it leads both lists: strong even in a project this small.
    expect(first).toMatchObject({
      strength: "strong",
      strength_reason: "#1 by the intent's words, #1 by meaning, 6 of the intent's 6 words found in it (in a project this small, strong needs #1 by words and by meaning and half the intent's words)",
    });
    expect(first.metadata.ranking).toMatchObject({ position: 1, intent_words: 6, words_found: 6, vector_rank: 1, text_rank: 1 });
    expect(answer.body.matched_patterns[1]).toMatchObject({ strength: "weak", strength_reason: "not the first result" });
    expect(answer.body).toMatchObject({ strong_matches: 1, summary: "1 strong match" });
    expect(answer.body.query_metadata.embedding_model).toBe("motif-builtin-v4");
    expect(typeof answer.body.query_metadata.query_time_ms).toBe("number");
  });

  it("lets a viewer match (and counts it), by project id too", async () => {
    const id = await projectId("project-a");
    const answer = await post(carol, { project: id, intent, limit: 1 });
    expect(answer.status).toBe(200);
    expect(answer.body.matched_patterns[0].metadata.match_count).toBe(2);
  });

  it("gives a member of B nothing of A", async () => {
    const named = await post(bob, { project: "project-a", intent });
    expect(named.status).toBe(404);
    const own = await post(bob, { project: "project-b", intent });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ matched_patterns: [], total_matches: 0 });
  });

  it("uses an API key's own project when the body names none", async () => {
    const key = await callRoute(createKey, { method: "POST", cookie: alice.cookie, params: { slug: "project-a" }, body: { name: "agent", role: "viewer" } });
    const answer = await post(undefined, { intent, limit: 1 }, key.body.key);
    expect(answer.status).toBe(200);
    expect(answer.body.matched_patterns[0].name).toBe("Exponential Backoff Retry Loop");
    const elsewhere = await post(undefined, { project: "project-b", intent }, key.body.key);
    expect(elsewhere.status).toBe(404);
  });

  it("refuses anonymous callers with 401", async () => {
    const answer = await post(undefined, { project: "project-a", intent });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("unauthorized:auth");
  });
});
