import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as mcp } from "@/app/api/mcp/route";
import { POST as match } from "@/app/api/v1/patterns/match/route";
import { asService } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { sampleExtraction } from "@/tests/db/support/ingest-fixture";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
const intent = "retry a failing http request with exponential backoff";

/**
 * The SDK's own client over streamable HTTP; its requests reach the route handler as the real
 * Request objects Next.js would pass (the wire format is the SDK's, end to end).
 */
async function connect(bearer?: string): Promise<Client> {
  const client = new Client({ name: "motif-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL("http://localhost:3000/api/mcp"), {
    requestInit: bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {},
    fetch: (url, init) => mcp(new Request(url, init), { params: Promise.resolve({}) }),
  });
  await client.connect(transport);
  return client;
}

function toolJson(result: Awaited<ReturnType<Client["callTool"]>>) {
  const [content] = result.content as { type: string; text: string }[];
  return JSON.parse(content.text);
}

// What must agree between two answers to one match: which patterns, in which order, how sure, where.
const essentials = (answer: { matched_patterns: { pattern_id: string; name: string; confidence_score: number; occurrences: unknown[] }[] }) =>
  answer.matched_patterns.map(({ pattern_id, name, confidence_score, occurrences }) => ({ pattern_id, name, confidence_score, occurrences }));

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  const [alpha] = await asService(api.database, (transaction) => transaction.query<{ id: string }>(`select id from public.projects where slug = 'alpha'`));
  await ingestExtraction({ database: api.database, claims: "service_role", projectId: alpha.id, result: sampleExtraction(), embedder: createBuiltinProvider() });
});
afterAll(() => api.close());

describe("POST /api/mcp (streamable HTTP)", () => {
  it("lists the five tools and the pattern-card resource template to a key holder", async () => {
    const client = await connect(world.keyA);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["enhance_prompt", "get_pattern", "list_recent_patterns", "report_outcome", "search_patterns"]);
    expect(tools.find((tool) => tool.name === "search_patterns")?.inputSchema.required).toEqual(["intent"]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(["motif://patterns/{pattern_id}"]);
    await client.close();
  });

  it("answers search_patterns with the same matches as POST /api/v1/patterns/match", async () => {
    const client = await connect(world.keyA);
    const viaMcp = toolJson(await client.callTool({ name: "search_patterns", arguments: { intent, limit: 3, filters: { kinds: ["retry_backoff"] } } }));
    const viaHttp = (await callRoute(match, { method: "POST", bearer: world.keyA, body: { intent, limit: 3, filters: { kinds: ["retry_backoff"] } } })).body;
    expect(viaMcp.matched_patterns[0].kind).toBe("retry_backoff");
    expect(viaMcp.matched_patterns[0].occurrences.map((occurrence: { qualname: string }) => occurrence.qualname)).toEqual(["fetch_stock", "charge_card", "book_shipment"]);
    expect(essentials(viaMcp)).toEqual(essentials(viaHttp));
    await client.close();
  });

  it("gets a pattern, reads its card, enhances a prompt within the budget, reports the outcome and lists recent patterns", async () => {
    const client = await connect(world.keyA);
    const [best] = toolJson(await client.callTool({ name: "search_patterns", arguments: { intent } })).matched_patterns;
    const { pattern } = toolJson(await client.callTool({ name: "get_pattern", arguments: { pattern_id: best.pattern_id } }));
    expect(pattern).toMatchObject({ id: best.pattern_id, name: best.name });
    expect(pattern.occurrences).toHaveLength(3);

    const card = await client.readResource({ uri: `motif://patterns/${best.pattern_id}` });
    expect((card.contents[0] as { text: string }).text).toContain(`# ${best.name}`);
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain(`motif://patterns/${best.pattern_id}`);

    // Enhancement adds strong matches only: nothing for code the project does not hold.
    const weak = toolJson(await client.callTool({ name: "enhance_prompt", arguments: { prompt: "Render a 3D mesh with WebGL shaders", token_budget: 400 } }));
    expect(weak).toMatchObject({ patterns: [], summary: expect.stringMatching(/^no strong match/) });
    const enhanced = toolJson(await client.callTool({ name: "enhance_prompt", arguments: { prompt: "exponential backoff retry loop", token_budget: 400 } }));
    expect(enhanced.tokens_used).toBeLessThanOrEqual(400);
    expect(enhanced.patterns.length).toBeGreaterThan(0);
    const used = enhanced.patterns[0];
    const reported = toolJson(await client.callTool({ name: "report_outcome", arguments: { pattern_id: used.pattern_id, usage_id: used.usage_id, outcome: "successful", rating: 5 } }));
    expect(reported.usage).toMatchObject({ id: used.usage_id, outcome: "successful" });
    expect(reported.pattern.success_count).toBe(1);

    const recent = toolJson(await client.callTool({ name: "list_recent_patterns", arguments: { limit: 3 } }));
    expect(recent.patterns).toHaveLength(3);
    // The pattern whose outcome was just reported changed last.
    expect(recent.patterns[0].id).toBe(used.pattern_id);
    await client.close();
  });

  it("refuses a non-member key: another project's patterns are not found, and a viewer key cannot report", async () => {
    const outsider = await connect(world.keyB);
    const refused = await outsider.callTool({ name: "search_patterns", arguments: { project: "alpha", intent } });
    expect(refused.isError).toBe(true);
    expect((refused.content as { text: string }[])[0].text).toBe('not_found:resource: project "alpha" not found');
    const own = toolJson(await outsider.callTool({ name: "search_patterns", arguments: { intent } }));
    expect(own.matched_patterns).toEqual([]);
    await outsider.close();

    const viewer = await connect(world.viewerKeyA);
    const [best] = toolJson(await viewer.callTool({ name: "search_patterns", arguments: { intent } })).matched_patterns;
    const report = await viewer.callTool({ name: "report_outcome", arguments: { pattern_id: best.pattern_id, outcome: "failed" } });
    expect(report.isError).toBe(true);
    expect((report.content as { text: string }[])[0].text).toMatch(/^forbidden:auth: viewers cannot report pattern usage/);
    await viewer.close();
  });

  it("answers 401 before speaking MCP to a caller without a valid key", async () => {
    await expect(connect()).rejects.toMatchObject({ code: 401, message: expect.stringContaining("unauthorized:auth") });
    await expect(connect("motif_not-a-real-key")).rejects.toMatchObject({ code: 401, message: expect.stringContaining("the API key is invalid or has been revoked") });
  });

  it("names a bad argument", async () => {
    const client = await connect(world.keyA);
    const bad = await client.callTool({ name: "search_patterns", arguments: { intent: "", limit: 500 } });
    expect(bad.isError).toBe(true);
    expect((bad.content as { text: string }[])[0].text).toMatch(/intent|limit/);
    await client.close();
  });
});
