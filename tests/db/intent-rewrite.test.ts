import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, upsertLlmBudgetByProjectId, writePatternDescription, type Database } from "@/lib/db";
import type { IntentRewrite } from "@/lib/domain";
import { createBuiltinProvider } from "@/lib/embed";
import { getEnvironment, type MotifEnvironment } from "@/lib/env";
import { extractPaths } from "@/lib/extract";
import { ingestExtraction } from "@/lib/ingest";
import { createIntentRewriter } from "@/lib/intent-rewrite";
import { matchAsOperator } from "@/lib/search";
import { startWireServer, promptOf, type WireServer, type WireStep } from "@/tests/support/llm-wire-servers";
import { createTestDatabase } from "@/tests/support/test-database";
import { buildWorld, type World } from "./support/world";

// Real code: modules of this machine's Python standard library.
const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).trim();
const modules = ["shutil.py", "tempfile.py", "textwrap.py", "gzip.py", "csv.py"];
// Shares no word with shutil.rmtree's name, docstring or code.
const intent = "make a folder vanish together with everything under it";

// What a code model answers when asked to restate that intent in the code's words.
const restated: IntentRewrite = {
  code_words: "recursively remove a directory tree, deleting all files and subdirectories",
  identifiers: ["rmtree", "remove_tree", "delete_directory"],
};
const rewriter = (): WireStep => ({ kind: "answer", content: JSON.stringify(restated), inputTokens: 212, outputTokens: 41 });

let database: Database;
let world: World;
let ollama: WireServer;
let openai: WireServer;
const embedder = createBuiltinProvider();

function environment(variables: Partial<MotifEnvironment>): MotifEnvironment {
  const { OLLAMA_HOST: _ollama, OPENAI_API_KEY: _openai, ANTHROPIC_API_KEY: _anthropic, MOTIF_LLM_LOCAL_MODEL: _local, ...base } = getEnvironment();
  return { ...base, MOTIF_SEARCH_REWRITE: "llm", MOTIF_SEARCH_REWRITE_TIMEOUT_MS: 5000, ...variables };
}

const search = (variables: Partial<MotifEnvironment> | null, rewriteFor = variables && createIntentRewriter(database, { environment: environment(variables) })) =>
  matchAsOperator({ database, slug: "alpha", request: { intent, limit: 5 }, embedder, rewriteIntent: rewriteFor });

const firstQualname = (answer: Awaited<ReturnType<typeof search>>) => answer.matched_patterns[0]?.occurrences[0]?.qualname;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  const result = await extractPaths({ paths: modules.map((module) => path.join(stdlib, module)), cwd: stdlib, jobs: 1 });
  await ingestExtraction({ database, claims: "service_role", projectId: world.alpha.id, result, embedder });
  ollama = await startWireServer("ollama", 41521, rewriter);
  openai = await startWireServer("openai", 41522, rewriter);
}, 300_000);
afterAll(async () => {
  await Promise.all([ollama?.close(), openai?.close()]);
  await database?.close();
});

type UsageRow = { task: string; provider: string; model: string; is_local: boolean; input_tokens: number; output_tokens: number; succeeded: boolean };
const usageRows = () => asService(database, (transaction) => transaction.query<UsageRow>(
  `select task, provider, model, is_local, input_tokens, output_tokens, succeeded from public.model_usage where project_id = $1 and task = 'rewrite_intent' order by created_at, id`, [world.alpha.id]));

describe("intent rewriting through the LLM router (MOTIF_SEARCH_REWRITE=llm)", { timeout: 120_000 }, () => {
  it("is off unless switched on: no rewriter, no report", async () => {
    expect(createIntentRewriter(database, { environment: environment({ MOTIF_SEARCH_REWRITE: undefined, OLLAMA_HOST: ollama.baseUrl }) })).toBeNull();
    const plain = await search(null);
    expect(plain.query_metadata.rewrite).toBeUndefined();
    // The intent alone does not reach rmtree: it names it in no word the code uses.
    expect(firstQualname(plain)).not.toBe("rmtree");
  });

  it("restates the intent with the local model, finds the code that does it, and records the call", async () => {
    const answer = await search({ OLLAMA_HOST: ollama.baseUrl });
    expect(answer.query_metadata.rewrite).toEqual({
      used: true, text: `${restated.code_words} rmtree remove tree delete directory`, provider: "ollama", model: "qwen2.5-coder:7b", cost_usd: 0, cached: false, reason: null,
    });
    expect(firstQualname(answer)).toBe("rmtree");
    // Ollama was asked once, on /api/chat, with the intent and the answer's JSON schema.
    expect(ollama.exchanges).toHaveLength(1);
    expect(ollama.exchanges[0].path).toBe("/api/chat");
    expect(promptOf(ollama.exchanges[0].body)).toBe(`Developer's intent: ${intent}`);
    expect(ollama.exchanges[0].body.format).toMatchObject({ type: "object", required: ["code_words", "identifiers"] });
    expect(await usageRows()).toEqual([{ task: "rewrite_intent", provider: "ollama", model: "qwen2.5-coder:7b", is_local: true, input_tokens: 212, output_tokens: 41, succeeded: true }]);
  });

  it("answers the same intent again from its cache, without a call", async () => {
    const rewriteFor = createIntentRewriter(database, { environment: environment({ OLLAMA_HOST: ollama.baseUrl }) });
    await search({}, rewriteFor);
    const calls = ollama.exchanges.length;
    const again = await search({}, rewriteFor);
    expect(again.query_metadata.rewrite).toMatchObject({ used: true, cached: true, cost_usd: 0 });
    expect(ollama.exchanges).toHaveLength(calls);
    expect(firstQualname(again)).toBe("rmtree");
  });

  it("falls back to the intent as written when no provider is set, the model hangs or answers nonsense", async () => {
    const none = await search({});
    expect(none.query_metadata.rewrite).toMatchObject({ used: false, reason: expect.stringMatching(/^no LLM provider is configured/) });
    expect(none.matched_patterns.length).toBeGreaterThan(0);

    ollama.script.push({ kind: "hang", ms: 30_000 });
    const started = performance.now();
    const hung = await search({ OLLAMA_HOST: ollama.baseUrl });
    // Bounded by MOTIF_SEARCH_REWRITE_TIMEOUT_MS (5 s here), no retries: far from the 30 s the model would take.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(hung.query_metadata.rewrite).toMatchObject({ used: false, text: null });
    expect(hung.query_metadata.rewrite!.reason).toMatch(/time|abort/i);
    expect(hung.matched_patterns.map((pattern) => pattern.pattern_id)).toEqual((await search(null)).matched_patterns.map((pattern) => pattern.pattern_id));

    ollama.script.push({ kind: "answer", content: "I would search for rmtree.", inputTokens: 200, outputTokens: 7 });
    const nonsense = await search({ OLLAMA_HOST: ollama.baseUrl });
    expect(nonsense.query_metadata.rewrite).toMatchObject({ used: false, reason: expect.stringMatching(/JSON/i) });
  });

  it("asks a commercial model within the project's budget, and not at all once it would cross it", async () => {
    const answer = await search({ OPENAI_API_KEY: "sk-local-test", OPENAI_BASE_URL: openai.baseUrl });
    expect(answer.query_metadata.rewrite).toMatchObject({ used: true, provider: "openai", model: "gpt-4o-mini" });
    // gpt-4o-mini: $0.15 per million input tokens, $0.60 per million output tokens (lib/llm/data/prices.json).
    expect(answer.query_metadata.rewrite!.cost_usd).toBeCloseTo((212 * 0.15 + 41 * 0.6) / 1e6, 10);
    expect(openai.exchanges).toHaveLength(1);

    await asService(database, (transaction) => upsertLlmBudgetByProjectId({ transaction, projectId: world.alpha.id, update: { daily_usd: 0.00001 } }));
    const refused = await search({ OPENAI_API_KEY: "sk-local-test", OPENAI_BASE_URL: openai.baseUrl });
    expect(refused.query_metadata.rewrite).toMatchObject({ used: false, reason: expect.stringMatching(/daily LLM budget of project alpha/) });
    expect(openai.exchanges).toHaveLength(1);
    expect(refused.matched_patterns.length).toBeGreaterThan(0);
  });
});

describe("a language model's description beside the code (motif describe)", { timeout: 120_000 }, () => {
  it("joins the pattern's full text, so an intent in the model's words finds it by words too", async () => {
    const wording = "obliterate a directory hierarchy";
    const before = await matchAsOperator({ database, slug: "alpha", request: { intent: wording, limit: 5 }, embedder });
    const [pattern] = await asService(database, (transaction) => transaction.query<{ id: string; extraction_hash: string | null }>(
      `select p.id, p.extraction_hash from public.patterns p join public.pattern_occurrences o on o.pattern_id = p.id
       where p.project_id = $1 and o.qualname = 'rmtree' limit 1`, [world.alpha.id]));
    // Before: "directory" alone is in its code; the text list ranks other patterns first.
    const ranked = before.matched_patterns.find((match) => match.pattern_id === pattern.id)?.metadata.ranking;
    expect(ranked?.text_rank ?? null).not.toBe(1);
    expect(ranked?.words_found ?? 0).toBeLessThan(3);

    const written = await asService(database, (transaction) => writePatternDescription({
      transaction,
      values: {
        projectId: world.alpha.id, patternId: pattern.id, name: "Recursive Directory Removal",
        description: "Obliterates a directory hierarchy: every file and subfolder below it is deleted, with a hook for errors.",
        kindVerdict: "not_applicable", suggestedKind: null, confidence: 0.8, extractionMethod: "local_llm", extractionModel: "ollama:qwen2.5-coder:7b",
        describedHash: pattern.extraction_hash,
      },
    }));
    expect(written).toBe(true);
    const after = await matchAsOperator({ database, slug: "alpha", request: { intent: wording, limit: 5 }, embedder });
    const found = after.matched_patterns.find((match) => match.pattern_id === pattern.id);
    // "obliterate", "directory", "hierarchy": all three are now in its full text, and it leads the text list.
    expect(found?.metadata.ranking).toMatchObject({ text_rank: 1, intent_words: 3, words_found: 3 });
  });
});
