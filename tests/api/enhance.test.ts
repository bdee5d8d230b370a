import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH as closeUsage } from "@/app/api/v1/patterns/[id]/usage/[usageId]/route";
import { POST as recordUsage } from "@/app/api/v1/patterns/[id]/usage/route";
import { GET as getPattern } from "@/app/api/v1/patterns/[id]/route";
import { POST as enhance } from "@/app/api/v1/prompts/enhance/route";
import { asService } from "@/lib/db";
import { estimateTokens } from "@/lib/prompts";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, createTestPattern, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
const ids: Record<string, string> = {};

const retryCode = Array.from({ length: 30 }, (_, index) =>
  index === 0 ? "def fetch_with_retry(url, attempts=5, base_delay=0.5):" : `    # step ${index}: wait base_delay * 2 ** attempt before the next connection attempt`,
).join("\n");
const everydayPatterns = [
  ["Slugify title", "Turns a title into a lowercase URL slug."], ["Format currency", "Formats an amount with a currency symbol."],
  ["Parse CSV row", "Splits one line of comma separated values."], ["Render markdown", "Converts markdown text into HTML."],
  ["Resize image", "Scales a picture to fit a width and height."], ["Send email", "Delivers a message through SMTP."],
  ["Hash password", "Derives a salted hash of a password."], ["Validate email address", "Checks that an address has a user and a domain."],
  ["Paginate query", "Returns one page of rows with a cursor."], ["Read config file", "Loads settings from a TOML file."],
  ["Compress gzip", "Compresses bytes with gzip."], ["Sort by date", "Orders records by their creation date."],
  ["Merge dictionaries", "Combines two mappings, the second winning."], ["Generate UUID", "Makes a random unique identifier."],
  ["Upload to bucket", "Stores a file in object storage."], ["Parse command line", "Reads options and arguments of a program."],
  ["Render template", "Fills a text template with values."], ["Convert timezone", "Moves a timestamp to another time zone."],
  ["Count words", "Counts the words of a text."], ["Chunk list", "Splits a list into pieces of a given size."],
  ["Log request", "Writes one line per handled request."], ["Escape HTML", "Replaces characters that are special in HTML."],
] as const;
const prompt = "Write a function that retries a failing network call with exponential backoff.";

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  const patterns = [
    ["Retry with exponential backoff", "Retries a failing network call, doubling the delay between attempts.", retryCode, ["retry", "network"], "retry_backoff"],
    ["Cache lookup", "Memoises an expensive lookup in a dictionary.", "def cached(key):\n    if key in CACHE:\n        return CACHE[key]\n    CACHE[key] = load(key)\n    return CACHE[key]", ["cache"], "cache_memoize"],
    ["Database transaction", "Runs statements in one transaction and rolls back on error.", "def in_transaction(connection, work):\n    with connection.begin():\n        return work(connection)", ["database"], "db_transaction"],
  ] as const;
  for (const [name, description, code, tags, kind] of patterns) {
    ids[name] = (await createTestPattern(world.memberA.token, { project: "alpha", name, description, code, tags: [...tags], kind, language: "python" })).id;
  }
  // Strength is read from how a match stands out among the project's patterns: a project needs
  // at least 20 to tell (lib/search strongMatchRule), so alpha holds unrelated everyday code too.
  for (const [name, description] of everydayPatterns) {
    await createTestPattern(world.memberA.token, { project: "alpha", name, description, code: `def ${name.toLowerCase().replaceAll(" ", "_")}(value):\n    return value`, language: "python" });
  }
  ids.beta = (await createTestPattern(world.adminB.token, { project: "beta", name: "Beta retry loop", description: "Retries with backoff.", code: "def retry_beta(): pass", kind: "retry_backoff", language: "python" })).id;
});
afterAll(() => api.close());

const ask = (bearer: string | undefined, body: unknown) => callRoute(enhance, { method: "POST", bearer, body });

describe("POST /api/v1/prompts/enhance", () => {
  it("adds the strong matches as cards within the budget and records pending usage for each", async () => {
    const answer = await ask(world.memberA.token, { project: "alpha", prompt, task: "add retries to the HTTP client", limit: 3, token_budget: 600 });
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body.patterns[0]).toMatchObject({ pattern_id: ids["Retry with exponential backoff"], name: "Retry with exponential backoff", kind: "retry_backoff" });
    expect(body.enhanced_prompt.startsWith(prompt)).toBe(true);
    const added = body.enhanced_prompt.slice(prompt.length);
    expect(body.tokens_used).toBe(estimateTokens(added));
    expect(body.tokens_used).toBeLessThanOrEqual(600);
    expect(added).toContain("### 1. Retry with exponential backoff (retry backoff, python)");
    expect(added).toContain("Retries a failing network call, doubling the delay between attempts.");
    expect(added).toContain("Success: no reported outcomes yet");
    expect(added).toContain("def fetch_with_retry(url, attempts=5, base_delay=0.5):");
    expect(body.usage_ids).toEqual(body.patterns.map((pattern: { usage_id: string }) => pattern.usage_id));
    expect(body.patterns.map((pattern: { pattern_id: string }) => pattern.pattern_id)).not.toContain(ids.beta);
    const usage = await asService(api.database, (transaction) =>
      transaction.query<{ id: string; outcome: string; task: string; source: string }>(
        `select id, outcome, task, context ->> 'source' as source from public.pattern_usage where id = any($1::uuid[]) order by context ->> 'position'`,
        [body.usage_ids],
      ),
    );
    expect(usage.map((row) => [row.id, row.outcome, row.task, row.source])).toEqual(
      body.usage_ids.map((id: string) => [id, "pending", "add retries to the HTTP client", "prompt_enhancement"]),
    );
    const retry = (await callRoute(getPattern, { bearer: world.memberA.token, params: { id: ids["Retry with exponential backoff"] } })).body.pattern;
    expect(retry).toMatchObject({ usage_count: 1, success_count: 0, success_rate: null });
  });

  it("trims code to fit a small budget and never goes over it", async () => {
    for (const budget of [50, 90, 150, 250]) {
      const answer = await ask(world.memberA.token, { project: "alpha", prompt, limit: 5, token_budget: budget });
      expect(answer.status).toBe(200);
      expect(answer.body.tokens_used).toBeLessThanOrEqual(budget);
      expect(estimateTokens(answer.body.enhanced_prompt.slice(prompt.length))).toBe(answer.body.tokens_used);
      expect(answer.body.usage_ids).toHaveLength(answer.body.patterns.length);
    }
    const tight = await ask(world.memberA.token, { project: "alpha", prompt, limit: 1, token_budget: 150 });
    expect(tight.body.patterns).toHaveLength(1);
    expect(tight.body.patterns[0]).toMatchObject({ name: "Retry with exponential backoff", code_trimmed: true });
    expect(tight.body.patterns[0].code_lines).toBeLessThan(30);
    const none = await ask(world.memberA.token, { project: "alpha", prompt, token_budget: 50 });
    expect(none.body).toMatchObject({ patterns: [], usage_ids: [], tokens_used: 0, enhanced_prompt: prompt });
  });

  it("closes the loop: the pending usage's outcome counts in the success rate and filters later enhancements", async () => {
    const first = await ask(world.keyA, { prompt: "memoise the expensive lookup in a cache", limit: 1, token_budget: 400 });
    expect(first.body.patterns[0].name).toBe("Cache lookup");
    const closed = await callRoute(closeUsage, {
      method: "PATCH", bearer: world.keyA, params: { id: ids["Cache lookup"], usageId: first.body.usage_ids[0] }, body: { outcome: "successful", rating: 5 },
    });
    expect(closed.body.pattern).toMatchObject({ success_count: 1, success_rate: 1, avg_rating: 5 });
    await callRoute(recordUsage, { method: "POST", bearer: world.keyA, params: { id: ids["Database transaction"] }, body: { outcome: "failed" } });
    const again = await ask(world.keyA, { prompt: "memoise the expensive lookup in a cache", limit: 1, token_budget: 400 });
    expect(again.body.patterns[0].name).toBe("Cache lookup");
    expect(again.body.enhanced_prompt).toContain("Success: 100% of 1 reported uses succeeded");
    // The success filter leaves the retry prompt one candidate, the cache lookup: weak for it,
    // so nothing is added and the answer says why.
    const filtered = await ask(world.keyA, { prompt, limit: 5, min_success_rate: 0.5, token_budget: 2000 });
    expect(filtered.body).toMatchObject({ patterns: [], enhanced_prompt: prompt, summary: expect.stringMatching(/^no strong match/) });
  });

  it("refuses bad fields (400), anonymous callers (401), viewers (403) and other tenants (404)", async () => {
    expect((await ask(world.memberA.token, { project: "alpha", prompt })).body.error.message).toMatch(/^token_budget: /);
    expect((await ask(world.memberA.token, { project: "alpha", prompt, token_budget: 10 })).body.error.message).toBe("token_budget: must be between 50 and 100000");
    expect((await ask(world.memberA.token, { project: "alpha", prompt: " ", token_budget: 100 })).body.error.message).toBe("prompt: is required");
    expect((await ask(undefined, { project: "alpha", prompt, token_budget: 100 })).status).toBe(401);
    const viewer = await ask(world.viewerA.token, { project: "alpha", prompt, token_budget: 100 });
    expect(viewer.status).toBe(403);
    expect((await ask(world.viewerKeyA, { prompt, token_budget: 100 })).status).toBe(403);
    expect((await ask(world.adminB.token, { project: "alpha", prompt, token_budget: 500 })).status).toBe(404);
    // Beta's key sees beta's own pattern at most, never one of alpha's.
    const beta = await ask(world.keyB, { prompt, token_budget: 2000 });
    expect(beta.status).toBe(200);
    expect(beta.body.patterns.length).toBeLessThanOrEqual(1);
    expect(beta.body.patterns.every((pattern: { name: string }) => pattern.name.startsWith("Beta"))).toBe(true);
  });
});
