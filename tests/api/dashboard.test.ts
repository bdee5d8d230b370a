import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as extract } from "@/app/api/v1/extract/route";
import { GET as listPatterns } from "@/app/api/v1/patterns/route";
import { GET as getGraph } from "@/app/api/v1/projects/[slug]/graph/route";
import { GET as getInsights } from "@/app/api/v1/projects/[slug]/insights/route";
import { GET as exportPatterns } from "@/app/api/v1/projects/[slug]/patterns/export/route";
import { GET as listEntries } from "@/app/api/v1/projects/[slug]/events/entries/route";
import { GET as countOccurrences } from "@/app/api/v1/projects/[slug]/patterns/occurrence-counts/route";
import { GET as listRepositories } from "@/app/api/v1/projects/[slug]/repositories/route";
import { asService } from "@/lib/db";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;

type Listed = { id: string; name: string; kind: string | null; pattern_type: string; quality_score: number | null; recurring: boolean; status: string };

function fixtureFiles(): { path: string; content: string }[] {
  const root = path.resolve("tests/fixtures/repos/python-service");
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { path: path.relative(root, full).split(path.sep).join("/"), content: fs.readFileSync(full, "utf8") };
    });
}

async function listAll(query: string): Promise<Listed[]> {
  const answer = await callRoute(listPatterns, { bearer: world.memberA.token, url: `http://localhost/api/v1/patterns?project=alpha&limit=100&${query}` });
  expect(answer.status).toBe(200);
  return answer.body.patterns;
}

async function download(query: string, bearer = world.memberA.token) {
  const request = new Request(`http://localhost/api/v1/projects/alpha/patterns/export?${query}`, { headers: { authorization: `Bearer ${bearer}` } });
  const response = await exportPatterns(request, { params: Promise.resolve({ slug: "alpha" }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  const ingest = await callRoute(extract, { method: "POST", bearer: world.memberA.token, body: { project: "alpha", files: fixtureFiles() } });
  expect(ingest.status).toBe(200);
}, 120_000);
afterAll(() => api.close());

describe("GET /api/v1/patterns filters the dashboard uses", () => {
  it("filters by pattern type and by a quality range", async () => {
    const all = await listAll("");
    const designs = await listAll("pattern_types=design_pattern");
    expect(designs.length).toBeGreaterThan(0);
    expect(designs.length).toBeLessThan(all.length);
    expect(new Set(designs.map((pattern) => pattern.pattern_type))).toEqual(new Set(["design_pattern"]));
    const scores = all.map((pattern) => pattern.quality_score!).sort();
    const [low, high] = [scores[1], scores[scores.length - 2]];
    const ranged = await listAll(`min_quality_score=${low}&max_quality_score=${high}`);
    expect(ranged.map((pattern) => pattern.id).sort()).toEqual(
      all.filter((pattern) => pattern.quality_score! >= low && pattern.quality_score! <= high).map((pattern) => pattern.id).sort(),
    );
  });
});

describe("GET /api/v1/projects/[slug]/patterns/export", () => {
  it("exports every filtered pattern as CSV with a header, in the list's order", async () => {
    const listed = await listAll("kinds=retry_backoff&sort=name&order=asc");
    const answer = await download("format=csv&kinds=retry_backoff&sort=name&order=asc");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="alpha-patterns-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = answer.text.trimEnd().split("\r\n");
    expect(lines[0].split(",").slice(0, 4)).toEqual(["id", "name", "pattern_type", "kind"]);
    expect(lines).toHaveLength(listed.length + 1);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(listed.map((pattern) => pattern.id));
  });

  it("exports JSON with occurrence counts that agree with the occurrence-counts route", async () => {
    const answer = await download("format=json");
    const { patterns } = JSON.parse(answer.text) as { patterns: { id: string; occurrences: number; tags: string[] }[] };
    expect(patterns).toHaveLength((await listAll("")).length);
    const ids = patterns.slice(0, 5).map((pattern) => pattern.id);
    const counts = await callRoute(countOccurrences, {
      bearer: world.memberA.token,
      params: { slug: "alpha" },
      url: `http://localhost/x?ids=${ids.join(",")}`,
    });
    expect(counts.body.counts).toEqual(Object.fromEntries(patterns.slice(0, 5).map((pattern) => [pattern.id, pattern.occurrences])));
    expect(patterns.every((pattern) => pattern.occurrences >= 1 && Array.isArray(pattern.tags))).toBe(true);
  });

  it("refuses an inverted quality range and hides the project from outsiders", async () => {
    expect((await download("min_quality_score=0.9&max_quality_score=0.1")).status).toBe(400);
    expect((await download("format=csv", world.adminB.token)).status).toBe(404);
  });
});

describe("GET /api/v1/projects/[slug]/insights", () => {
  it("adds up: tiers, types and the totals all count the same patterns", async () => {
    const all = await listAll("");
    const answer = await callRoute(getInsights, { bearer: world.viewerA.token, params: { slug: "alpha" }, url: "http://localhost/x?days=14" });
    expect(answer.status).toBe(200);
    const { insights } = answer.body;
    expect(insights.totals.patterns).toBe(all.length);
    const sum = (counts: { count: number }[]) => counts.reduce((total, count) => total + count.count, 0);
    expect(sum(insights.quality_tiers)).toBe(all.length);
    expect(insights.quality_tiers.slice(0, 4).map((tier: { label: string }) => tier.label)).toEqual(["excellent", "good", "fair", "poor"]);
    expect(sum(insights.by_type)).toBe(all.length);
    expect(insights.usage_trend).toHaveLength(14);
    expect(insights.top_patterns.length).toBe(Math.min(10, all.length));
    expect(insights.complexity_vs_quality.length).toBe(all.length);
  });

  it("is a 404 for someone outside the project", async () => {
    const answer = await callRoute(getInsights, { bearer: world.adminB.token, params: { slug: "alpha" }, url: "http://localhost/x" });
    expect(answer.status).toBe(404);
  });
});

describe("what leads the patterns list and the top patterns, on the ingested fixture", () => {
  const leads = (pattern: Listed) => pattern.kind !== null || pattern.recurring;
  const insights = async () =>
    (await callRoute(getInsights, { bearer: world.viewerA.token, params: { slug: "alpha" }, url: "http://localhost/x" })).body.insights as { top_patterns: { id: string }[] };
  const setStatus = (id: string, status: string) =>
    asService(api.database, (transaction) => transaction.query(`update public.patterns set status = $2 where id = $1`, [id, status]));

  it("lists design patterns and recurring shapes first by default; one-off units stay listed and searchable", async () => {
    const all = await listAll("");
    const firstOneOff = all.findIndex((pattern) => !leads(pattern));
    expect(firstOneOff).toBeGreaterThan(0);
    expect(all.slice(firstOneOff).some(leads)).toBe(false);
    // The retry loop copied into three files recurs; refund_charge is written once and called by nobody.
    expect(all.find((pattern) => pattern.kind === "retry_backoff")?.recurring).toBe(true);
    const oneOffs = await listAll("recurring=false");
    const refund = (await listAll("q=refund")).find((pattern) => !leads(pattern));
    expect(refund).toBeDefined();
    expect(oneOffs.map((pattern) => pattern.id)).toContain(refund!.id);
    expect((await listAll("recurring=true")).every((pattern) => pattern.recurring)).toBe(true);
  });

  it("puts a deprecated pattern after the current ones in the top patterns and the list, whatever it scored", async () => {
    const [first] = (await insights()).top_patterns;
    await setStatus(first.id, "deprecated");
    try {
      const top = (await insights()).top_patterns.map((pattern) => pattern.id);
      expect(top[0]).not.toBe(first.id);
      if (top.includes(first.id)) expect(top.at(-1)).toBe(first.id);
      const listed = await listAll("statuses=active,deprecated&sort=quality_score");
      expect(listed.at(-1)?.id).toBe(first.id);
    } finally {
      await setStatus(first.id, "active");
    }
  });
});

describe("GET /api/v1/projects/[slug]/graph", () => {
  it("returns relationships between current patterns, filtered by type", async () => {
    const all = await callRoute(getGraph, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x" });
    const { graph } = all.body;
    expect(graph.edges.length).toBeGreaterThan(0);
    const nodeIds = new Set(graph.nodes.map((node: { id: string }) => node.id));
    for (const edge of graph.edges) expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
    const extendsOnly = await callRoute(getGraph, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x?types=EXTENDS" });
    const types = new Set(extendsOnly.body.graph.edges.map((edge: { relationship_type: string }) => edge.relationship_type));
    expect(types).toEqual(new Set(["EXTENDS"]));
    expect(extendsOnly.body.graph.edges.length).toBe(graph.edges.filter((edge: { relationship_type: string }) => edge.relationship_type === "EXTENDS").length);
  });

  it("draws a pattern's neighbourhood with focus, the focus included, and refuses a focus that is not an id", async () => {
    const all = await callRoute(getGraph, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x" });
    const edge = all.body.graph.edges[0] as { source: string; target: string };
    const around = await callRoute(getGraph, { bearer: world.memberA.token, params: { slug: "alpha" }, url: `http://localhost/x?focus=${edge.source}&depth=1` });
    expect(around.status).toBe(200);
    expect(around.body.graph.focus).toBe(edge.source);
    for (const shown of around.body.graph.edges as { source: string; target: string }[]) expect([shown.source, shown.target]).toContain(edge.source);
    expect(around.body.graph.nodes.map((node: { id: string }) => node.id)).toContain(edge.target);
    expect(around.body.graph.nodes.every((node: { file_path: string | null }) => typeof node.file_path === "string")).toBe(true);
    const bad = await callRoute(getGraph, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x?focus=retry&depth=9" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/focus|depth/);
  });

  it("refuses an unknown relationship type", async () => {
    const answer = await callRoute(getGraph, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x?types=CALLS" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^types/);
  });
});

describe("the dashboard's list pages at scale", () => {
  it("numbers pattern pages, counts the total, and filters by repository", async () => {
    const url = (query: string) => `http://localhost/api/v1/patterns?project=alpha&limit=2&include_total=true&sort=name&order=asc&${query}`;
    const first = await callRoute(listPatterns, { bearer: world.memberA.token, url: url("page=1") });
    const second = await callRoute(listPatterns, { bearer: world.memberA.token, url: url("page=2") });
    expect(first.body.total).toBeGreaterThan(3);
    expect(second.body.total).toBe(first.body.total);
    expect(second.body.patterns.map((pattern: { name: string }) => pattern.name)[0] >= first.body.patterns[1].name).toBe(true);
    const both = await callRoute(listPatterns, { bearer: world.memberA.token, url: url(`page=2&cursor=${first.body.next_cursor}`) });
    expect(both.status).toBe(400);
    const repositories = await callRoute(listRepositories, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x" });
    expect(repositories.body.repositories).toEqual([{ repository: "", patterns: expect.any(Number) }]);
    const none = await callRoute(listPatterns, { bearer: world.memberA.token, url: url("repositories=elsewhere") });
    expect(none.body).toMatchObject({ patterns: [], total: 0 });
  });

  it("lists feed entries with one entry for the ingest, and refuses paging an ingest's events without naming it", async () => {
    const page = await callRoute(listEntries, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x?limit=50" });
    expect(page.status).toBe(200);
    const ingests = page.body.events.filter((event: { event_type: string }) => event.event_type === "ingest.completed");
    expect(ingests).toHaveLength(1);
    expect(ingests[0].actor_name).toBe(world.memberA.email);
    expect(page.body.events.some((event: { ingest_job_id: string | null }) => event.ingest_job_id !== null)).toBe(false);
    const wrong = await callRoute(listEntries, { bearer: world.memberA.token, params: { slug: "alpha" }, url: "http://localhost/x?after=3" });
    expect(wrong.status).toBe(400);
    const outsider = await callRoute(listEntries, { bearer: world.adminB.token, params: { slug: "alpha" }, url: "http://localhost/x" });
    expect(outsider.status).toBe(404);
  });
});
