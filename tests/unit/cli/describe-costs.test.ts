import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternDescriptionSchema } from "@/lib/domain";
import { startWireServer, promptOf, type WireServer, type WireStep } from "../../support/llm-wire-servers";
import { runMotif } from "../../support/run-motif";

const repository = path.resolve(import.meta.dirname, "../../..");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-cli-describe-"));
const dataDir = path.join(workspace, ".motif");
const motif = (args: string[], env?: Record<string, string>) => runMotif(args, { cwd: workspace, dataDir, env });

// A model that reads the prompt Motif sends and answers as a careful reviewer would, with
// usage counted from the text as a tokenizer would count it (about four characters a token).
function describer(body: Record<string, unknown>): WireStep {
  const prompt = promptOf(body);
  const name = /Extractor's name: (.+)\./.exec(prompt)?.[1] ?? "Unknown";
  const kind = /Detected kind: (\w+)/.exec(prompt)?.[1] ?? "none";
  const content = JSON.stringify({
    name: `${name} (reviewed)`,
    description: `Reviewed description of ${name}: what it does and when to reach for it.`,
    kind_verdict: kind === "none" ? "not_applicable" : "confirmed",
    suggested_kind: null,
    confidence: 0.8,
  });
  return { kind: "answer", content, inputTokens: Math.ceil(prompt.length / 4) + 60, outputTokens: Math.ceil(content.length / 4) };
}

let ollama: WireServer;
let openai: WireServer;
let anthropic: WireServer;
let providers: Record<string, string>;

beforeAll(async () => {
  fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "service"), { recursive: true });
  ollama = await startWireServer("ollama", 41811, describer);
  openai = await startWireServer("openai", 41812, describer);
  anthropic = await startWireServer("anthropic", 41813, describer);
  providers = {
    OLLAMA_HOST: ollama.baseUrl, OPENAI_API_KEY: "sk-local-test", OPENAI_BASE_URL: openai.baseUrl,
    ANTHROPIC_API_KEY: "sk-ant-local-test", ANTHROPIC_BASE_URL: anthropic.baseUrl, MOTIF_LLM_TIMEOUT_MS: "5000",
  };
});
afterAll(async () => {
  await Promise.all([ollama.close(), openai.close(), anthropic.close()]);
  fs.rmSync(workspace, { recursive: true, force: true });
});

type UsageRow = { task: string; provider: string; model: string; is_local: boolean; input_tokens: number; output_tokens: number; cost_usd: number; succeeded: boolean; job_id: string | null };

const fixturePatterns = 12;

describe("motif describe, motif budget and motif costs", { timeout: 300_000 }, () => {
  it("without a provider: ingest works as ever, describe says none is set and changes nothing", async () => {
    const ingest = await motif(["ingest", "service", "--project", "shop", "--json", "--jobs", "1", "--describe"]);
    expect(ingest.status).toBe(0);
    const ingested = JSON.parse(ingest.stdout);
    // 12 patterns: the fixture's units that lead patterns, among them `Settings.instance`, the
    // classmethod handing out the shared Settings (a singleton accessor since issue 14's rework).
    expect(ingested.patterns.created).toBe(fixturePatterns);
    // Asked to describe after the ingest: the ingest stands, and the answer says why nothing was described.
    expect(ingested.described).toEqual({ state: "skipped", reason: expect.stringMatching(/no LLM provider is configured/) });
    const refused = await motif(["describe", "--project", "shop"]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/no LLM provider is configured: set OLLAMA_HOST \(local\), OPENAI_API_KEY or ANTHROPIC_API_KEY/);
    const costs = JSON.parse((await motif(["costs", "--project", "shop", "--json"])).stdout);
    expect(costs).toMatchObject({ total_usd: 0, calls: 0, by_provider: [] });
  });

  it("routes simple patterns to Ollama and complex ones to a commercial model until a tiny daily budget is spent, recording every call as the servers answered it", async () => {
    const budget = await motif(["budget", "--project", "shop", "--daily-usd", "0.0006", "--json"]);
    expect(budget.status).toBe(0);
    expect(JSON.parse(budget.stdout).budget).toMatchObject({ daily_usd: 0.0006, monthly_usd: null, spent_today_usd: 0 });

    const run = await motif(["describe", "--project", "shop", "--json"], providers);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.progress).toMatchObject({ total: fixturePatterns, described: fixturePatterns, failed: 0 });

    // Complex tasks confirm a detected kind; simple ones name a plain function or class.
    const complexPrompt = (exchange: { body: Record<string, unknown> }) => !/Detected kind: none/.test(promptOf(exchange.body));
    expect(openai.exchanges.length).toBeGreaterThanOrEqual(1);
    expect(openai.exchanges.every(complexPrompt)).toBe(true);
    expect(anthropic.exchanges).toHaveLength(0);
    // Every pattern once: the simple ones (no detected kind) all to Ollama; the complex ones to
    // OpenAI until the budget let no more through, the rest local.
    const simpleToOllama = ollama.exchanges.filter((exchange) => !complexPrompt(exchange));
    const complexToOllama = ollama.exchanges.filter(complexPrompt);
    expect(simpleToOllama.length).toBeGreaterThan(0);
    expect(simpleToOllama.length + openai.exchanges.length + complexToOllama.length).toBe(fixturePatterns);
    expect(complexToOllama.length).toBeGreaterThan(0);
    expect(answer.progress.commercial).toBe(openai.exchanges.length);

    const { openPgliteDatabase } = await import("@/lib/db");
    const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
    try {
      const rows = await database.query<UsageRow>(`select task, provider, model, is_local, input_tokens, output_tokens, cost_usd::float8 as cost_usd, succeeded, job_id from public.model_usage order by created_at, id`);
      expect(rows).toHaveLength(ollama.exchanges.length + openai.exchanges.length);
      expect(rows.every((row) => row.task === "describe_pattern" && row.succeeded && row.job_id === answer.job_id)).toBe(true);
      for (const [provider, server] of [["ollama", ollama], ["openai", openai]] as const) {
        const mine = rows.filter((row) => row.provider === provider).map((row) => `${row.input_tokens}/${row.output_tokens}`).sort();
        expect(mine).toEqual(server.exchanges.map((exchange) => `${exchange.usage!.inputTokens}/${exchange.usage!.outputTokens}`).sort());
      }
      for (const row of rows) {
        const expected = row.provider === "openai" ? (row.input_tokens * 0.15 + row.output_tokens * 0.6) / 1e6 : 0;
        expect(row.cost_usd).toBeCloseTo(expected, 8);
      }
      const spent = rows.reduce((sum, row) => sum + row.cost_usd, 0);
      expect(spent).toBeLessThanOrEqual(0.0006);

      const patterns = await database.query<{ llm_name: string; extraction_method: string; extraction_model: string; kind: string | null }>(
        `select llm_name, extraction_method, extraction_model, kind from public.patterns order by name`);
      expect(patterns.every((pattern) => pattern.llm_name.endsWith("(reviewed)"))).toBe(true);
      expect(new Set(patterns.map((pattern) => pattern.extraction_method))).toEqual(new Set(["local_llm", "commercial_llm"]));
      expect(patterns.filter((pattern) => pattern.extraction_method === "commercial_llm").every((pattern) => pattern.extraction_model === "openai:gpt-4o-mini")).toBe(true);
      const validations = await database.query<{ count: number }>(`select count(*)::int as count from public.pattern_validations where source = 'llm' and verdict = 'validated'`);
      expect(validations[0].count).toBe(openai.exchanges.length + complexToOllama.length);
    } finally {
      await database.close();
    }
    for (const exchange of [...ollama.exchanges, ...openai.exchanges]) expect(patternDescriptionSchema.safeParse(JSON.parse((describer(exchange.body) as { content: string }).content)).success).toBe(true);
  });

  it("reports the costs by provider, and makes no further commercial call that day", async () => {
    const costs = JSON.parse((await motif(["costs", "--project", "shop", "--json", "--days", "1"])).stdout);
    const openaiCalls = openai.exchanges.length;
    expect(costs.calls).toBe(ollama.exchanges.length + openaiCalls);
    expect(costs.by_provider).toEqual(expect.arrayContaining([
      expect.objectContaining({ provider: "openai", model: "gpt-4o-mini", is_local: false, calls: openaiCalls }),
      expect.objectContaining({ provider: "ollama", model: "qwen2.5-coder:7b", is_local: true, cost_usd: 0 }),
    ]));
    expect(costs.total_usd).toBeCloseTo(costs.budget.spent_today_usd, 8);

    // Describe again after re-ingesting changed code is the same day: OpenAI must not be asked.
    const touched = path.join(workspace, "service/shop/clients/payments.py");
    fs.writeFileSync(touched, fs.readFileSync(touched, "utf8").replace("def charge_card(", "def charge_card_now("));
    expect((await motif(["ingest", "service", "--project", "shop", "--json", "--jobs", "1"])).status).toBe(0);
    const again = await motif(["describe", "--project", "shop", "--json"], providers);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).progress.described).toBeGreaterThan(0);
    expect(openai.exchanges).toHaveLength(openaiCalls);
    expect(anthropic.exchanges).toHaveLength(0);
  });
});
