import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { LlmBudget, LlmTaskNeeds } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { createLlmRouter, loadPriceTable, type LlmConfig, type LlmTask, type UsageLedger, type UsageRecord } from "@/lib/llm";
import { startWireServer, type WireServer, type WireStep } from "../../support/llm-wire-servers";

let ollama: WireServer;
let openai: WireServer;
let anthropic: WireServer;

const answer = (content: string, inputTokens = 120, outputTokens = 30): WireStep => ({ kind: "answer", content, inputTokens, outputTokens });

beforeAll(async () => {
  ollama = await startWireServer("ollama", 41801, () => answer("local answer", 90, 20));
  openai = await startWireServer("openai", 41802, () => answer("openai answer", 1000, 200));
  anthropic = await startWireServer("anthropic", 41803, () => answer("anthropic answer", 800, 100));
});
afterAll(async () => Promise.all([ollama.close(), openai.close(), anthropic.close()]));
beforeEach(() => {
  for (const server of [ollama, openai, anthropic]) {
    server.exchanges.length = 0;
    server.script.length = 0;
  }
});

function config(overrides: Partial<LlmConfig> = {}, only?: Array<"ollama" | "openai" | "anthropic">): LlmConfig {
  const providers: LlmConfig["providers"] = [
    { name: "ollama", isLocal: true, baseUrl: ollama.baseUrl, model: "qwen2.5-coder:7b" },
    { name: "openai", isLocal: false, baseUrl: openai.baseUrl, apiKey: "sk-test-openai-key", model: "gpt-4o-mini" },
    { name: "anthropic", isLocal: false, baseUrl: anthropic.baseUrl, apiKey: "sk-ant-test-key", model: "claude-haiku-4-5" },
  ];
  return {
    providers: only ? providers.filter((provider) => only.includes(provider.name)) : providers,
    taskModels: {}, complexInputTokens: 3000, timeoutMs: 2000, maxRetries: 2, maxRetryWaitMs: 5000, prices: loadPriceTable(), ...overrides,
  };
}

function memoryLedger(budget: Partial<LlmBudget> = {}) {
  const rows: UsageRecord[] = [];
  const ledger: UsageLedger = {
    async budgetOf() {
      const spent = rows.filter((row) => !row.isLocal).reduce((sum, row) => sum + row.costUsd, 0);
      return { daily_usd: null, monthly_usd: null, ...budget, spent_today_usd: spent, spent_month_usd: spent };
    },
    async record(row) {
      rows.push(row);
    },
  };
  return { rows, ledger };
}

const context = { projectId: "00000000-0000-4000-8000-000000000001", projectLabel: "shop" };
const simple: LlmTaskNeeds = { inputTokens: 200, reasoning: "simple", structured: false, localAllowed: true };
const complex: LlmTaskNeeds = { ...simple, reasoning: "complex" };
const task = (needs = simple, extra: Partial<LlmTask<string>> = {}): LlmTask<string> => ({ task: "describe_pattern", needs, system: "You help.", prompt: "Name this.", maxOutputTokens: 300, ...extra });
const noWait = async () => undefined;

describe("createLlmRouter", () => {
  it("routes a simple task to Ollama and records its tokens from prompt_eval_count and eval_count, at no cost", async () => {
    const { rows, ledger } = memoryLedger();
    const result = await createLlmRouter({ config: config(), ledger }).run(task(), context);
    expect(result).toMatchObject({ value: "local answer", provider: "ollama", isLocal: true, inputTokens: 90, outputTokens: 20, costUsd: 0 });
    expect(ollama.exchanges).toHaveLength(1);
    expect(ollama.exchanges[0].stream).toBe(false);
    expect(rows).toEqual([expect.objectContaining({ provider: "ollama", model: "qwen2.5-coder:7b", isLocal: true, inputTokens: 90, outputTokens: 20, costUsd: 0, succeeded: true, error: null })]);
  });

  it("routes a complex task to the first commercial model and prices it from the price table", async () => {
    const { rows, ledger } = memoryLedger();
    const result = await createLlmRouter({ config: config(), ledger }).run(task(complex), context);
    expect(result).toMatchObject({ provider: "openai", value: "openai answer", inputTokens: 1000, outputTokens: 200 });
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    expect(result.costUsd).toBeCloseTo((1000 * 0.15 + 200 * 0.6) / 1e6, 10);
    expect(ollama.exchanges).toHaveLength(0);
    expect(rows[0]).toMatchObject({ provider: "openai", isLocal: false, succeeded: true, costUsd: result.costUsd });
  });

  it("treats a prompt over the size threshold as complex, and the emergency override sends everything to one provider", async () => {
    const { ledger } = memoryLedger();
    const big = await createLlmRouter({ config: config({ complexInputTokens: 100 }), ledger }).run(task(simple), context);
    expect(big.provider).toBe("openai");
    const forced = await createLlmRouter({ config: config({ forceProvider: "anthropic" }), ledger }).run(task(simple), context);
    expect(forced.provider).toBe("anthropic");
    const named = await createLlmRouter({ config: config({ taskModels: { describe_pattern: { provider: "anthropic", model: "claude-sonnet-4-5" } } }), ledger }).run(task(complex), context);
    expect(named).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-5" });
  });

  it("streams OpenAI SSE, Anthropic events and Ollama NDJSON to the watcher, counting the usage each stream reports", async () => {
    for (const provider of ["openai", "anthropic", "ollama"] as const) {
      const { rows, ledger } = memoryLedger();
      const pieces: string[] = [];
      const result = await createLlmRouter({ config: config({ forceProvider: provider }), ledger }).run(task(simple, { onText: (delta) => pieces.push(delta) }), context);
      const server = { openai, anthropic, ollama }[provider];
      expect(server.exchanges.at(-1)?.stream).toBe(true);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join("")).toBe(`${provider === "ollama" ? "local" : provider} answer`);
      expect(result.text).toBe(pieces.join(""));
      expect(rows[0]).toMatchObject({ inputTokens: server.exchanges.at(-1)?.usage?.inputTokens, outputTokens: server.exchanges.at(-1)?.usage?.outputTokens, succeeded: true });
    }
  });

  it("validates a structured answer with zod, through OpenAI's json_schema, Anthropic's forced tool and Ollama's format", async () => {
    const schema = z.object({ name: z.string(), confidence: z.number() });
    const json = JSON.stringify({ name: "Retry With Backoff", confidence: 0.8 });
    for (const provider of ["openai", "anthropic", "ollama"] as const) {
      const server = { openai, anthropic, ollama }[provider];
      server.script.push(answer(json, 300, 40));
      const { ledger } = memoryLedger();
      const result = await createLlmRouter({ config: config({ forceProvider: provider }), ledger }).run({ ...task(), schema } as LlmTask<z.infer<typeof schema>>, context);
      expect(result.value).toEqual({ name: "Retry With Backoff", confidence: 0.8 });
    }
    expect(openai.exchanges[0].body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "describe_pattern" } });
    expect(anthropic.exchanges[0].body.tool_choice).toEqual({ type: "tool", name: "describe_pattern" });
    expect(ollama.exchanges[0].body.format).toMatchObject({ type: "object", required: ["name", "confidence"] });
  });

  it("waits what a 429's retry-after asks, records the refused attempt, then succeeds on the same provider", async () => {
    openai.script.push({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const waits: number[] = [];
    const { rows, ledger } = memoryLedger();
    const result = await createLlmRouter({ config: config(), ledger, wait: async (ms) => void waits.push(ms) }).run(task(complex), context);
    expect(result.provider).toBe("openai");
    expect(waits).toEqual([1000]);
    expect(openai.exchanges.map((exchange) => exchange.status)).toEqual([429, 200]);
    expect(rows.map((row) => [row.provider, row.succeeded])).toEqual([["openai", false], ["openai", true]]);
    expect(rows[0].error).toMatch(/429/);
    expect(rows[0]).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
  });

  it("retries a 500 with backoff, then falls back to the next provider, every attempt a usage row", async () => {
    openai.script.push({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    const waits: number[] = [];
    const { rows, ledger } = memoryLedger();
    const result = await createLlmRouter({ config: config({ maxRetries: 1 }), ledger, wait: async (ms) => void waits.push(ms) }).run(task(complex), context);
    expect(result.provider).toBe("anthropic");
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(rows.map((row) => `${row.provider}:${row.succeeded}`)).toEqual(["openai:false", "openai:false", "anthropic:true"]);
    expect(rows[0].error?.startsWith(`OpenAI at ${openai.baseUrl}: 500`)).toBe(true);
  });

  it("gives up on a provider that does not answer before the timeout and falls back", async () => {
    ollama.script.push({ kind: "hang", ms: 5000 });
    const { rows, ledger } = memoryLedger();
    const started = Date.now();
    const result = await createLlmRouter({ config: config({ timeoutMs: 300, maxRetries: 0 }), ledger, wait: noWait }).run(task(simple), context);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.provider).toBe("openai");
    expect(rows[0]).toMatchObject({ provider: "ollama", succeeded: false });
    expect(rows[0].error).toMatch(/timeout|aborted/i);
  });

  it("records a malformed JSON answer with the tokens it cost, then asks the next provider", async () => {
    openai.script.push(answer('{"name": "Retry", "confidence": ', 500, 12));
    const schema = z.object({ name: z.string(), confidence: z.number() });
    anthropic.script.push(answer(JSON.stringify({ name: "Retry", confidence: 0.7 }), 600, 30));
    const { rows, ledger } = memoryLedger();
    const result = await createLlmRouter({ config: config(), ledger, wait: noWait }).run({ ...task(complex), schema } as LlmTask<z.infer<typeof schema>>, context);
    expect(result).toMatchObject({ provider: "anthropic", value: { name: "Retry", confidence: 0.7 } });
    expect(rows[0]).toMatchObject({ provider: "openai", succeeded: false, inputTokens: 500, outputTokens: 12 });
    expect(rows[0].costUsd).toBeCloseTo((500 * 0.15 + 12 * 0.6) / 1e6, 10);
    expect(rows[0].error).toMatch(/malformed JSON/);
  });

  it("stops commercial calls once the daily budget would be exceeded: the task goes local, or is refused naming the budget", async () => {
    const { rows, ledger } = memoryLedger({ daily_usd: 0.0004 });
    const router = createLlmRouter({ config: config(), ledger });
    const first = await router.run(task(complex), context);
    expect(first.provider).toBe("openai");
    const second = await router.run(task(complex), context);
    expect(second.provider).toBe("ollama");
    expect(openai.exchanges).toHaveLength(1);
    expect(anthropic.exchanges).toHaveLength(0);

    const commercialOnly = createLlmRouter({ config: config({}, ["openai", "anthropic"]), ledger });
    const refusal = await commercialOnly.run(task(complex), context).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MotifError);
    expect((refusal as MotifError).code).toBe("budget_exceeded:llm");
    expect((refusal as MotifError).status).toBe(402);
    expect((refusal as MotifError).message).toMatch(/daily LLM budget of project shop \(\$0\.000400/);
    expect(openai.exchanges).toHaveLength(1);
    expect(rows.filter((row) => !row.isLocal)).toHaveLength(1);
  });

  it("refuses a complex task that may not run locally when only Ollama is configured", async () => {
    const { ledger } = memoryLedger();
    const error = await createLlmRouter({ config: config({}, ["ollama"]), ledger }).run(task({ ...complex, localAllowed: false }), context).catch((caught: unknown) => caught);
    expect((error as MotifError).message).toMatch(/needs a commercial model and none is configured/);
  });

  it("says clearly that no provider is configured, and calls nothing", async () => {
    const { rows, ledger } = memoryLedger();
    const router = createLlmRouter({ config: config({}, []), ledger });
    expect(router.configured).toBe(false);
    const error = await router.run(task(), context).catch((caught: unknown) => caught);
    expect((error as MotifError).code).toBe("not_configured:llm");
    expect((error as MotifError).message).toMatch(/no LLM provider is configured: set OLLAMA_HOST .*OPENAI_API_KEY or ANTHROPIC_API_KEY/);
    expect(rows).toHaveLength(0);
  });
});
