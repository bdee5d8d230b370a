import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MotifError } from "@/lib/errors";
import { loadPriceTable } from "@/lib/llm";
import { agentCostOf, readSession, renderSessionComparison, renderSessionReport, unitsOfWrittenCode } from "@/lib/sessions";

const fixture = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/sessions/claude-code-warehouse-client.jsonl"), "utf8");

describe("readSession on a Claude Code transcript", () => {
  const trace = readSession({ transcript: fixture });

  it("reads the prompt, the tool calls and their errors, and paths relative to the session's cwd", () => {
    expect(trace.format).toBe("claude_code_jsonl");
    expect(trace.prompt).toMatch(/^Add a client for the warehouse reservation API/);
    expect(trace.toolCalls).toBe(6);
    expect(trace.toolErrors).toHaveLength(1);
    expect(trace.toolErrors[0]).toMatch(/^F +\[100%\]/);
    expect(trace.filesRead).toEqual(["shop/clients/inventory.py"]);
    expect(trace.written.map((write) => write.file)).toEqual(["shop/clients/warehouse.py", "tests/test_warehouse.py", "tests/test_warehouse.py"]);
    expect(trace.finalMessage).toMatch(/^Added `shop\/clients\/warehouse\.py`/);
    expect([trace.startedAt, trace.endedAt]).toEqual(["2026-11-30T14:02:11.482Z", "2026-11-30T14:02:58.702Z"]);
  });

  it("counts each assistant message's usage once, though Claude Code repeats it on every content block", () => {
    // Seven assistant messages (ids), nine assistant lines.
    expect(trace.messages).toBe(1 + 7);
    expect(trace.usage).toEqual({ inputTokens: 28, outputTokens: 1202, cacheReadTokens: 130420, cacheWriteTokens: 10373 });
    expect(trace.models).toEqual(["claude-sonnet-4-5-20250929"]);
  });

  it("prices the session from the price table, cache reads and writes at their own prices", () => {
    // claude-sonnet-4-5: $3 input, $0.30 cache read, $3.75 cache write, $15 output per million.
    expect(agentCostOf(trace, loadPriceTable())).toBeCloseTo((28 * 3 + 130420 * 0.3 + 10373 * 3.75 + 1202 * 15) / 1e6, 6);
  });

  it("finds the functions the session wrote, with the retry loop the detectors recognise", async () => {
    const units = await unitsOfWrittenCode(trace.written);
    expect(units.map(({ file, unit }) => `${file} ${unit.qualname}`)).toEqual(["shop/clients/warehouse.py reserve_stock", "tests/test_warehouse.py test_reserve_stock_retries_then_succeeds"]);
    expect(units[0].unit.patterns.map((match) => match.kind)).toContain("retry_backoff");
  });
});

describe("readSession on OpenAI-format messages and diffs", () => {
  const messages = {
    model: "gpt-4.1",
    messages: [
      { role: "system", content: "You are a coding agent." },
      { role: "user", content: "Cache the exchange rates for five minutes." },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "read_file", arguments: JSON.stringify({ path: "rates.py" }) } }], usage: { prompt_tokens: 900, completion_tokens: 40 } },
      { role: "tool", tool_call_id: "call_1", content: "def rates():\n    return fetch()\n" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_2", type: "function", function: { name: "apply_patch", arguments: JSON.stringify({ input: "*** Begin Patch\n*** Update File: rates.py\n-def rates():\n+_cache = {}\n+def rates():\n+    if 'rates' not in _cache:\n+        _cache['rates'] = fetch()\n+    return _cache['rates']\n*** End Patch" }) } }], usage: { prompt_tokens: 1100, completion_tokens: 120, prompt_tokens_details: { cached_tokens: 800 } } },
      { role: "tool", tool_call_id: "call_2", content: "Error: patch did not apply cleanly" },
      { role: "assistant", content: "Rates are cached in a module dictionary." },
    ],
  };

  it("reads tool calls, patches, tool errors and usage from a {model, messages} document or JSONL", () => {
    for (const transcript of [JSON.stringify(messages), messages.messages.map((message) => JSON.stringify(message)).join("\n")]) {
      const trace = readSession({ transcript });
      expect(trace).toMatchObject({ format: "openai_messages", prompt: "Cache the exchange rates for five minutes.", toolCalls: 2, filesRead: ["rates.py"], linesAdded: 5, linesRemoved: 1, finalMessage: "Rates are cached in a module dictionary." });
      expect(trace.toolErrors).toEqual(["Error: patch did not apply cleanly"]);
      expect(trace.written).toEqual([{ file: "rates.py", code: "_cache = {}\ndef rates():\n    if 'rates' not in _cache:\n        _cache['rates'] = fetch()\n    return _cache['rates']\n" }]);
    }
    expect(readSession({ transcript: JSON.stringify(messages) }).usage).toEqual({ inputTokens: 1200, outputTokens: 160, cacheReadTokens: 800, cacheWriteTokens: 0 });
  });

  it("reads a unified diff with its prompt: added hunks with their context, line counts", () => {
    const diff = "diff --git a/shop/db.py b/shop/db.py\nindex 1..2 100644\n--- a/shop/db.py\n+++ b/shop/db.py\n@@ -1,3 +1,4 @@\n def connect():\n-    return sqlite3.connect(PATH)\n+    connection = sqlite3.connect(PATH, timeout=5)\n+    return connection\n";
    const trace = readSession({ diff, prompt: "Give the connection a timeout." });
    expect(trace).toMatchObject({ format: "unified_diff", prompt: "Give the connection a timeout.", linesAdded: 2, linesRemoved: 1 });
    expect(trace.written).toEqual([{ file: "shop/db.py", code: "def connect():\n    connection = sqlite3.connect(PATH, timeout=5)\n    return connection" }]);
  });

  it("refuses what it cannot read with a 400 that says so", () => {
    expect(() => readSession({ transcript: "not json at all" })).toThrow(MotifError);
    expect(() => readSession({ transcript: "not json at all" })).toThrow(/transcript: not a Claude Code JSONL transcript nor OpenAI-format messages/);
    expect(() => readSession({ diff: "just words", prompt: "x" })).toThrow(/no added or removed lines/);
  });
});

describe("renderSessionReport and renderSessionComparison", () => {
  it("writes the outcome, why it was not judged, the patterns and the cost as Markdown", () => {
    const trace = readSession({ transcript: fixture });
    const report = {
      format: trace.format, prompt: trace.prompt, outcome: "pending" as const, judged_by: null, judgement_summary: null, judgement_note: "no LLM provider is configured",
      agent: { models: trace.models, input_tokens: 28, output_tokens: 1202, cache_read_tokens: 130420, cache_write_tokens: 10373, cost_usd: 0.0961 },
      activity: { messages: 8, tool_calls: 6, tool_errors: 1, files_changed: ["shop/clients/warehouse.py"], files_read: [], lines_added: 35, lines_removed: 1, started_at: null, ended_at: null, duration_seconds: 47 },
      patterns_used: [{ pattern_id: "p1", name: "Exponential Backoff Retry Loop", kind: "retry_backoff", matched_by: "kind" as const, similarity: 0.73, file: "shop/clients/warehouse.py", qualname: "reserve_stock", rating: null, comment: null }],
      patterns_missed: [],
    };
    const markdown = renderSessionReport("Warehouse client", report);
    expect(markdown).toContain("**Outcome:** pending (not judged: no LLM provider is configured)");
    expect(markdown).toContain("- **Exponential Backoff Retry Loop** (retry_backoff): `shop/clients/warehouse.py` `reserve_stock`, by kind (similarity 0.73)");
    expect(markdown).toContain("| tool calls | 6 (1 failed) |");
    expect(markdown).toContain("cost $0.0961");
    const comparison = renderSessionComparison({ title: "A", report: { ...report, markdown } }, { title: "B", report: { ...report, markdown, outcome: "successful", agent: { ...report.agent, cost_usd: null } } });
    expect(comparison).toContain("| outcome | pending | successful |");
    expect(comparison).toContain("| cost | $0.0961 | unknown |");
  });
});
