import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWireServer, promptOf, type WireServer, type WireStep } from "../../support/llm-wire-servers";
import { runMotif } from "../../support/run-motif";

const repository = path.resolve(import.meta.dirname, "../../..");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-cli-session-"));
const dataDir = path.join(workspace, ".motif");
const transcript = path.join(repository, "tests/fixtures/sessions/claude-code-warehouse-client.jsonl");
const motif = (args: string[], env?: Record<string, string>) => runMotif(args, { cwd: workspace, dataDir, env });

// A reviewer model: the session succeeded (its tests pass at the end), every used pattern rated 4.
function judge(body: Record<string, unknown>): WireStep {
  const prompt = promptOf(body);
  const ids = [...prompt.matchAll(/pattern_id ([0-9a-f-]{36})/g)].map((match) => match[1]);
  const content = JSON.stringify({
    outcome: /passes|passed/.test(prompt) ? "successful" : "partial",
    summary: "The agent copied the inventory client's retry loop for the warehouse, fixed its test's patch target and ran the suite green.",
    pattern_ratings: ids.map((id) => ({ pattern_id: id, rating: 4, comment: "The retry loop carried over as is." })),
  });
  return { kind: "answer", content, inputTokens: Math.ceil(prompt.length / 4) + 140, outputTokens: Math.ceil(content.length / 4) };
}

let anthropic: WireServer;

beforeAll(async () => {
  fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "service"), { recursive: true });
  anthropic = await startWireServer("anthropic", 41841, judge);
});
afterAll(async () => {
  await anthropic.close();
  fs.rmSync(workspace, { recursive: true, force: true });
});

type Usage = { pattern_id: string; session_id: string; outcome: string; rating: number | null; context: { matched_by: string } };

describe("motif session analyze", { timeout: 300_000 }, () => {
  let firstSessionId = "";

  it("stores a report of a real Claude Code transcript with no provider configured, saying why it is not judged", async () => {
    expect((await motif(["ingest", "service", "--project", "shop", "--json", "--jobs", "1"])).status).toBe(0);
    const run = await motif(["session", "analyze", transcript, "--project", "shop", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { session, report } = JSON.parse(run.stdout);
    firstSessionId = session.id;
    expect(session).toMatchObject({ status: "analysed", source: "claude-code", started_at: expect.stringMatching(/^2026-11-30/) });
    expect(report).toMatchObject({ format: "claude_code_jsonl", outcome: "pending", judged_by: null, judgement_note: expect.stringMatching(/no LLM provider is configured/) });
    expect(report.agent).toMatchObject({ input_tokens: 28, output_tokens: 1202, cache_read_tokens: 130420, cache_write_tokens: 10373 });
    expect(report.agent.cost_usd).toBeCloseTo(0.096139, 6);
    expect(report.activity).toMatchObject({ tool_calls: 6, tool_errors: 1, duration_seconds: 47, files_changed: ["shop/clients/warehouse.py", "tests/test_warehouse.py"] });
    expect(report.patterns_used).toEqual([expect.objectContaining({ name: "Exponential Backoff Retry Loop for Fetch Stock", kind: "retry_backoff", matched_by: "kind", qualname: "reserve_stock" })]);
    expect(report.markdown).toContain("# Session: Add a client for the warehouse reservation API");
  });

  it("with a provider, has the model judge it: usage rows for the session's call, ratings into the pattern's feedback, a comparison", async () => {
    const env = { ANTHROPIC_API_KEY: "sk-ant-local-test", ANTHROPIC_BASE_URL: anthropic.baseUrl, MOTIF_LLM_TIMEOUT_MS: "5000" };
    const run = await motif(["session", "analyze", transcript, "--project", "shop", "--compare", firstSessionId], env);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("**Outcome:** successful (judged by anthropic claude-haiku-4-5)");
    expect(run.stdout).toContain("rated 4/5: The retry loop carried over as is.");
    expect(run.stdout).toContain("| outcome | successful | pending |");
    const sessionId = /Stored as session ([0-9a-f-]{36})/.exec(run.stdout)![1];
    expect(anthropic.exchanges).toHaveLength(1);
    expect(anthropic.exchanges[0].body.tool_choice).toEqual({ type: "tool", name: "analyse_session" });

    const { openPgliteDatabase } = await import("@/lib/db");
    const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
    try {
      const rows = await database.query<{ task: string; provider: string; input_tokens: number; output_tokens: number; cost_usd: number; session_id: string }>(
        `select task, provider, input_tokens, output_tokens, cost_usd::float8 as cost_usd, session_id from public.model_usage`);
      const answered = anthropic.exchanges[0].usage!;
      expect(rows).toEqual([{ task: "analyse_session", provider: "anthropic", input_tokens: answered.inputTokens, output_tokens: answered.outputTokens, cost_usd: expect.any(Number), session_id: sessionId }]);
      // claude-haiku-4-5: $1 input, $5 output per million tokens.
      expect(rows[0].cost_usd).toBeCloseTo((answered.inputTokens * 1 + answered.outputTokens * 5) / 1e6, 8);
      const usage = await database.query<Usage>(`select pattern_id, session_id, outcome, rating, context from public.pattern_usage order by created_at`);
      expect(usage.map((row) => [row.session_id, row.outcome, row.rating, row.context.matched_by])).toEqual([[firstSessionId, "pending", null, "kind"], [sessionId, "successful", 4, "kind"]]);
      const [pattern] = await database.query<{ usage_count: number; success_count: number; avg_rating: number }>(
        `select usage_count, success_count, avg_rating from public.patterns where id = $1`, [usage[0].pattern_id]);
      expect(pattern).toEqual({ usage_count: 2, success_count: 1, avg_rating: 4 });
    } finally {
      await database.close();
    }
  });

  it("analyses a diff with its prompt, and refuses a diff without one", async () => {
    const diffFile = path.join(workspace, "timeout.diff");
    fs.writeFileSync(diffFile, "diff --git a/shop/db.py b/shop/db.py\n--- a/shop/db.py\n+++ b/shop/db.py\n@@ -1,2 +1,3 @@\n def connect(path):\n-    return sqlite3.connect(path)\n+    connection = sqlite3.connect(path, timeout=5)\n+    return connection\n");
    const refused = await motif(["session", "analyze", diffFile, "--project", "shop"]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/is a diff: give the task that asked for it with --prompt/);
    const run = await motif(["session", "analyze", diffFile, "--project", "shop", "--prompt", "Give the database connection a timeout", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).report).toMatchObject({ format: "unified_diff", activity: { lines_added: 2, lines_removed: 1, files_changed: ["shop/db.py"] } });
  });
});
