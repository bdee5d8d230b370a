import { afterEach, describe, expect, it } from "vitest";
import { createEmbeddingProvider, createOpenAIProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { closedPort, fakeVector, startLocalServer, type RecordedRequest } from "./local-server";

type EmbeddingsBody = { model: string; input: string[]; dimensions: number; encoding_format: string };

// The wire format of POST /v1/embeddings, as OpenAI answers it.
function embeddingsReply(request: RecordedRequest) {
  const body = request.body as EmbeddingsBody;
  return {
    status: 200,
    body: {
      object: "list",
      data: body.input.map((text, index) => ({ object: "embedding", index, embedding: fakeVector(text, body.dimensions) })).reverse(),
      model: body.model,
      usage: { prompt_tokens: 5, total_tokens: 5 },
    },
  };
}

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(reply: Parameters<typeof startLocalServer>[0]) {
  const server = await startLocalServer(reply);
  servers.push(server);
  return server;
}

const options = { apiKey: "sk-test-secret-123456", model: "text-embedding-3-small", batchSize: 2, maxRetries: 0, timeoutMs: 5000 };

describe("the OpenAI embedding provider", () => {
  it("asks for 384 dimensions in batches and returns unit vectors in input order", async () => {
    const server = await serve(embeddingsReply);
    const provider = createOpenAIProvider({ ...options, baseUrl: `${server.url}/v1` });
    const vectors = await provider.embed(["a", "bb", "ccc"]);
    expect(provider.id).toBe("openai:text-embedding-3-small");
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([["POST", "/v1/embeddings"], ["POST", "/v1/embeddings"]]);
    expect(server.requests.map((request) => request.body)).toEqual([
      { model: "text-embedding-3-small", input: ["a", "bb"], dimensions: 384, encoding_format: "float" },
      { model: "text-embedding-3-small", input: ["ccc"], dimensions: 384, encoding_format: "float" },
    ]);
    expect(server.requests[0].headers.authorization).toBe("Bearer sk-test-secret-123456");
    const expected = fakeVector("bb", 384);
    const length = Math.hypot(...expected);
    expect(vectors[1][0]).toBeCloseTo(expected[0] / length, 6);
    expect(vectors[1][5]).toBeCloseTo(expected[5] / length, 6);
    expect(Math.hypot(...vectors[2])).toBeCloseTo(1, 5);
  });

  it("turns an error status into a MotifError naming the URL and status, never the key", async () => {
    const server = await serve(() => ({
      status: 401,
      body: { error: { message: "Incorrect API key provided: sk-test-secret-123456.", type: "invalid_request_error", code: "invalid_api_key" } },
    }));
    const provider = createOpenAIProvider({ ...options, baseUrl: `${server.url}/v1` });
    const error = await provider.embed(["x"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MotifError);
    expect((error as MotifError).code).toBe("unavailable:embeddings");
    expect((error as MotifError).message).toBe(`OpenAI embeddings at ${server.url}/v1 failed: 401 Incorrect API key provided: [redacted].`);
    expect((error as MotifError).message).not.toContain("secret-123456");
  });

  it("says so clearly when nothing listens at the base URL", async () => {
    const port = await closedPort();
    const provider = createOpenAIProvider({ ...options, baseUrl: `http://127.0.0.1:${port}/v1` });
    await expect(provider.embed(["x"])).rejects.toThrow(`OpenAI embeddings at http://127.0.0.1:${port}/v1 failed: could not connect (ECONNREFUSED)`);
  });

  it("answers a repeated query from its cache without a second request", async () => {
    const server = await serve(embeddingsReply);
    const provider = createEmbeddingProvider({ provider: "openai", apiKey: options.apiKey, baseUrl: `${server.url}/v1`, maxRetries: 0 });
    const [first] = await provider.embed(["retry with backoff"]);
    const [second] = await provider.embed(["retry with backoff"]);
    expect(server.requests).toHaveLength(1);
    expect(Array.from(second)).toEqual(Array.from(first));
    await provider.embed(["retry with backoff", "new text"]);
    expect(server.requests).toHaveLength(2);
    expect((server.requests[1].body as EmbeddingsBody).input).toEqual(["new text"]);
  });

  it("rejects a model answer shorter than 384 dimensions", async () => {
    const server = await serve((request) => {
      const reply = embeddingsReply(request);
      for (const item of (reply.body as { data: { embedding: number[] }[] }).data) item.embedding = item.embedding.slice(0, 100);
      return reply;
    });
    const provider = createOpenAIProvider({ ...options, baseUrl: `${server.url}/v1` });
    await expect(provider.embed(["x"])).rejects.toThrow("Embedding model text-embedding-3-small returns 100 dimensions; Motif stores 384.");
  });
});
