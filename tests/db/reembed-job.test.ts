import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, getJobById, type Database, type PatternToReembed } from "@/lib/db";
import { createBuiltinProvider, createOpenAIProvider, type EmbeddingProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { enqueueReembedJobs, jobOwnerId, reembedNow, runNextJob, storedPatternText } from "@/lib/jobs";
import { createTestDatabase } from "@/tests/support/test-database";
import { fakeVector, startLocalServer, type RecordedRequest } from "../unit/embed/local-server";
import { sampleExtraction } from "./support/ingest-fixture";
import { userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

type EmbeddingsBody = { model: string; input: string[]; dimensions: number };

// POST /v1/embeddings as OpenAI answers it (the provider test's fake model).
function embeddingsReply(request: RecordedRequest) {
  const body = request.body as EmbeddingsBody;
  const data = body.input.map((text, index) => ({ object: "embedding", index, embedding: fakeVector(text, body.dimensions) }));
  return { status: 200, body: { object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } } };
}

let database: Database;
let world: World;
let server: Awaited<ReturnType<typeof startLocalServer>>;
let openai: EmbeddingProvider;
const builtin = createBuiltinProvider();
const owner = jobOwnerId();
let ingestQueued: { job_id: string; patterns: number } | null;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  server = await startLocalServer(embeddingsReply);
  openai = createOpenAIProvider({ apiKey: "sk-test", baseUrl: `${server.url}/v1`, model: "text-embedding-3-small", batchSize: 256, maxRetries: 0, timeoutMs: 5000 });
  const summary = await ingestExtraction({ database, claims: userClaims(world.users.bob), projectId: world.alpha.id, result: sampleExtraction(), embedder: builtin });
  ingestQueued = summary.reembed;
});
afterAll(async () => {
  await server.close();
  await database.close();
});

type StoredRow = PatternToReembed & { embedding: string };

async function alphaPatterns(): Promise<StoredRow[]> {
  return asService(database, (transaction) => transaction.query<StoredRow>(
    `select p.id, p.name, p.description, p.code, p.tags, p.kind, p.pattern_type, p.dependencies, p.embedding_model,
       p.embedding::text as embedding,
       array(select distinct o.qualname from public.pattern_occurrences o
             where o.pattern_id = p.id and o.removed_at is null and o.qualname is not null order by o.qualname) as qualnames
     from public.patterns p where p.project_id = $1 order by p.id`, [world.alpha.id]));
}

const parse = (text: string) => JSON.parse(text) as number[];
const unit = (vector: number[]) => vector.map((value) => value / Math.hypot(...vector));

// A row is consistent when its vector is exactly what its model makes of its text.
async function expectConsistent(rows: StoredRow[], models: Record<string, EmbeddingProvider>) {
  for (const row of rows) {
    const provider = models[row.embedding_model ?? ""];
    expect(provider, `model ${row.embedding_model} of ${row.name}`).toBeDefined();
    const [expected] = await provider.embed([storedPatternText(row)]);
    const stored = parse(row.embedding);
    for (const index of [0, 1, 100, 383]) expect(stored[index]).toBeCloseTo(expected[index], 5);
  }
}

describe("the reembed job", () => {
  it("re-embeds in transactional batches; a failure midway leaves consistent rows and the re-run resumes", async () => {
    const before = await alphaPatterns();
    // 3 ingested with the built-in model, 2 of the world's without any vector.
    expect(before.map((row) => row.embedding_model).sort()).toEqual([builtin.id, builtin.id, builtin.id, null, null]);
    // The ingest queued a job for the two patterns without a vector; one job per project, reused.
    expect(ingestQueued).toMatchObject({ patterns: 2 });
    const [queued] = await enqueueReembedJobs({ database, model: openai.id, projectId: world.alpha.id });
    expect(queued).toMatchObject({ created: false, patterns: 5, job: { id: ingestQueued!.job_id, job_type: "reembed", status: "queued" } });

    let calls = 0;
    const failing: EmbeddingProvider = { id: openai.id, dimensions: 384, embed: (texts) => (++calls === 2 ? Promise.reject(new Error("provider went away")) : openai.embed(texts)) };
    const failed = await runNextJob({ database, embedder: failing, owner, leaseSeconds: 60, batchSize: 2, jobId: queued.job.id });
    expect(failed).toMatchObject({ status: "queued", error: "provider went away" });
    const middle = await alphaPatterns();
    expect(middle.filter((row) => row.embedding_model === openai.id)).toHaveLength(2);
    await expectConsistent(middle.filter((row) => row.embedding_model === openai.id), { [openai.id]: openai });
    // The others kept exactly what they had.
    for (const row of middle.filter((row) => row.embedding_model !== openai.id)) {
      expect(row.embedding).toBe(before.find((old) => old.id === row.id)!.embedding);
    }
    const stopped = await asService(database, (transaction) => getJobById({ transaction, jobId: queued.job.id }));
    expect(stopped).toMatchObject({ status: "queued", attempts: 1, progress: { processed: 2, total: 5, model: openai.id } });

    const requestsBefore = server.requests.length;
    const resumed = await runNextJob({ database, embedder: openai, owner, leaseSeconds: 60, batchSize: 2, jobId: queued.job.id });
    expect(resumed).toMatchObject({ status: "succeeded", result: { processed: 5, total: 5, fraction: 1, model: openai.id } });
    const texts = server.requests.slice(requestsBefore).flatMap((request) => (request.body as EmbeddingsBody).input);
    expect(texts).toHaveLength(3); // only what the first attempt had not written
    const after = await alphaPatterns();
    expect(after.every((row) => row.embedding_model === openai.id)).toBe(true);
    await expectConsistent(after, { [openai.id]: openai });
    const finished = await asService(database, (transaction) => getJobById({ transaction, jobId: queued.job.id }));
    expect(finished).toMatchObject({ status: "succeeded", attempts: 2, progress: { processed: 5, total: 5, fraction: 1 } });
    expect(await enqueueReembedJobs({ database, model: openai.id, projectId: world.alpha.id })).toEqual([]);
  });

  it("stores the vector of the OpenAI wire format, normalised", async () => {
    const [row] = await alphaPatterns();
    const expected = unit(fakeVector(storedPatternText(row), 384));
    expect(parse(row.embedding)[3]).toBeCloseTo(expected[3], 5);
  });

  it("an ingest with another provider rewrites no unchanged pattern and queues the re-embedding", async () => {
    const summary = await ingestExtraction({ database, claims: userClaims(world.users.bob), projectId: world.alpha.id, result: sampleExtraction(), embedder: builtin });
    expect(summary.patterns).toEqual({ received: 3, created: 0, updated: 0, unchanged: 3 });
    expect(summary.embedded).toBe(0);
    expect(summary.reembed).toMatchObject({ patterns: 5 });
    const result = await reembedNow({ database, projectId: world.alpha.id, embedder: builtin });
    expect(result).toMatchObject({ state: "ran", outcome: { job: { id: summary.reembed!.job_id }, status: "succeeded", result: { processed: 5, total: 5 } } });
    const rows = await alphaPatterns();
    expect(rows.every((row) => row.embedding_model === builtin.id)).toBe(true);
    await expectConsistent(rows, { [builtin.id]: builtin });
    expect(await reembedNow({ database, projectId: world.alpha.id, embedder: builtin })).toEqual({ state: "current", model: builtin.id });
  });

  it("works for any model id: a renamed built-in model re-embeds everything once", async () => {
    const renamed: EmbeddingProvider = { id: `${builtin.id}-next`, dimensions: 384, embed: (texts) => builtin.embed(texts) };
    const result = await reembedNow({ database, projectId: world.alpha.id, embedder: renamed });
    expect(result).toMatchObject({ state: "ran", outcome: { status: "succeeded", result: { processed: 5, total: 5, model: renamed.id } } });
    expect(await reembedNow({ database, projectId: world.alpha.id, embedder: renamed })).toEqual({ state: "current", model: renamed.id });
  });
});
