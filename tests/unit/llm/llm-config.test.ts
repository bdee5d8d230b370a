import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { MotifEnvironment } from "@/lib/env";
import { costOf, loadPriceTable, parseTaskModels, priceOf, readLlmConfig } from "@/lib/llm";

const environment = (variables: Partial<MotifEnvironment>) => ({ mode: "embedded", dataDir: "/tmp", ...variables }) as MotifEnvironment;

function priceFile(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "motif-prices-")), "prices.json");
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("the price table", () => {
  it("prices a dated model name by the longest listed name it extends, and every Ollama model at 0", () => {
    const table = loadPriceTable();
    expect(priceOf(table, "openai", "gpt-4o-mini-2024-07-18")).toEqual(priceOf(table, "openai", "gpt-4o-mini"));
    expect(priceOf(table, "openai", "gpt-4o-2024-08-06")?.input).toBe(2.5);
    expect(priceOf(table, "anthropic", "claude-sonnet-4-5-20250929")?.output).toBe(15);
    expect(priceOf(table, "ollama", "llama3.2:3b")).toEqual({ input: 0, output: 0 });
    expect(priceOf(table, "openai", "gpt-unknown")).toBeUndefined();
  });

  it("costs cached input and cache writes at their own prices", () => {
    const price = { input: 3, cached_input: 0.3, cache_write: 3.75, output: 15 };
    expect(costOf(price, { inputTokens: 1000, cachedInputTokens: 600, cacheWriteTokens: 100, outputTokens: 50 })).toBeCloseTo((300 * 3 + 600 * 0.3 + 100 * 3.75 + 50 * 15) / 1e6, 12);
  });

  it("lays an override file over the table, model by model, and names what is wrong with a bad one", () => {
    const table = loadPriceTable(priceFile({ providers: { openai: { "gpt-4o-mini": { input: 1, output: 2 }, "my-finetune": { input: 5, output: 6 } } } }));
    expect(priceOf(table, "openai", "gpt-4o-mini")).toEqual({ input: 1, output: 2 });
    expect(priceOf(table, "openai", "my-finetune")).toEqual({ input: 5, output: 6 });
    expect(priceOf(table, "openai", "gpt-4.1")?.input).toBe(2);
    expect(() => loadPriceTable(priceFile({ providers: { openai: { x: { input: -1, output: 1 } } } }))).toThrow(/MOTIF_LLM_PRICES: .*providers\.openai\.x\.input/);
    expect(() => loadPriceTable(priceFile("{not json"))).toThrow(/MOTIF_LLM_PRICES: cannot read .* as JSON/);
  });
});

describe("readLlmConfig", () => {
  it("configures nothing from an empty environment", () => {
    expect(readLlmConfig(environment({})).providers).toEqual([]);
  });

  it("turns each provider on by its own variables, with the default models", () => {
    const config = readLlmConfig(environment({ OLLAMA_HOST: "127.0.0.1:11434", OPENAI_API_KEY: "sk-x", ANTHROPIC_API_KEY: "sk-ant-x" }));
    expect(config.providers.map(({ name, model, baseUrl, isLocal }) => ({ name, model, baseUrl, isLocal }))).toEqual([
      { name: "ollama", model: "qwen2.5-coder:7b", baseUrl: "http://127.0.0.1:11434", isLocal: true },
      { name: "openai", model: "gpt-4o-mini", baseUrl: "https://api.openai.com/v1", isLocal: false },
      { name: "anthropic", model: "claude-haiku-4-5", baseUrl: "https://api.anthropic.com", isLocal: false },
    ]);
  });

  it("refuses a commercial model without a price, a forced provider that is not configured, a bad task list", () => {
    expect(() => readLlmConfig(environment({ OPENAI_API_KEY: "sk-x", MOTIF_LLM_OPENAI_MODEL: "gpt-unknown" }))).toThrow(/no price for openai model "gpt-unknown"/);
    expect(() => readLlmConfig(environment({ OPENAI_API_KEY: "sk-x", MOTIF_LLM_FORCE_PROVIDER: "anthropic" }))).toThrow(/MOTIF_LLM_FORCE_PROVIDER=anthropic, but anthropic is not configured/);
    expect(() => parseTaskModels("describe=openai:gpt-4o")).toThrow(/"describe=openai:gpt-4o" is not <task>=<provider>:<model>/);
    expect(parseTaskModels("describe_pattern=openai:gpt-4.1-mini, analyse_session=anthropic:claude-sonnet-4-5")).toEqual({
      describe_pattern: { provider: "openai", model: "gpt-4.1-mini" },
      analyse_session: { provider: "anthropic", model: "claude-sonnet-4-5" },
    });
  });
});
