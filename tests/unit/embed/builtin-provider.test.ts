import { describe, expect, it } from "vitest";
import { BUILTIN_EMBEDDING_MODEL, cosineSimilarity, createBuiltinProvider, EMBEDDING_DIMENSIONS, embedTextBuiltin } from "@/lib/embed";
import { thesaurusEntryCount } from "@/lib/embed/concept-index";

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, component) => sum + component * component, 0));
}

function similarity(left: string, right: string): number {
  return cosineSimilarity(embedTextBuiltin(left), embedTextBuiltin(right));
}

describe("the built-in embedding provider", () => {
  it("answers one 384-dimensional unit vector per text, in order", async () => {
    const provider = createBuiltinProvider();
    const vectors = await provider.embed(["retry with backoff", "", "parse a config file"]);
    expect(provider.id).toBe(BUILTIN_EMBEDDING_MODEL);
    expect(provider.dimensions).toBe(384);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector.length).toBe(EMBEDDING_DIMENSIONS);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(Array.from(vectors[0])).toEqual(Array.from(embedTextBuiltin("retry with backoff")));
  });

  it("is deterministic across calls and providers", async () => {
    const [first] = await createBuiltinProvider().embed(["def get_backoff_time(self): return min(self.backoff_max, delay)"]);
    const [second] = await createBuiltinProvider().embed(["def get_backoff_time(self): return min(self.backoff_max, delay)"]);
    expect(Array.from(first)).toEqual(Array.from(second));
  });

  it("treats identifier spellings of the same words as the same text", () => {
    expect(similarity("getBackoffTime", "get_backoff_time")).toBeCloseTo(1, 5);
    expect(similarity("retries", "retrying")).toBeCloseTo(1, 5);
  });

  it("ranks code that means the intent above unrelated code although they share no word", () => {
    const retryWithSleep = "function retryRequest(options, retriesRemaining) { await sleep(timeoutMillis); return this.makeRequest(options, retriesRemaining - 1) }";
    const unrelated = "function parseCsvRow(line, delimiter) { return line.split(delimiter).map((cell) => cell.trim()) }";
    const cases: [intent: string, related: string][] = [
      ["wait before trying again", retryWithSleep],
      ["remember results of slow calls", "def lru_cache(maxsize): cache = {}; def wrapper(*args): if args in cache: return cache[args]"],
      ["make sure only one object exists", "class Config { static instance; static getInstance() { return Config.instance ??= new Config() } }"],
      ["undo everything if a step fails", "async function begin(fn) { await sql`begin`; try { await fn(); await sql`commit` } catch (error) { await sql`rollback`; throw error } }"],
    ];
    for (const [intent, related] of cases) {
      expect(similarity(intent, related), intent).toBeGreaterThan(similarity(intent, unrelated) + 0.1);
    }
    expect(similarity("wait before trying again", retryWithSleep)).toBeGreaterThan(similarity("wait before trying again", cases[1][1]));
  });

  it("ships a thesaurus of a few hundred entries", () => {
    expect(thesaurusEntryCount()).toBeGreaterThan(600);
  });

  it("embeds thousands of texts a second", async () => {
    const texts = Array.from({ length: 2000 }, (_, index) => `function handler${index}(request, response) { return fetchWithRetry(request.url, { attempts: ${index} }) }`);
    const started = performance.now();
    await createBuiltinProvider().embed(texts);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
