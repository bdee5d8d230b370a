import { afterEach, describe, expect, it } from "vitest";
import { createEmbeddingProvider, createOllamaProvider } from "@/lib/embed";
import { MotifError } from "@/lib/errors";
import { closedPort, fakeVector, startLocalServer } from "./local-server";

type EmbedBody = { model: string; input: string[]; truncate: boolean };

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// The wire format of Ollama's POST /api/embed, with a 768-dimensional model.
async function serveOllama(status = 200, error?: string) {
  const server = await startLocalServer((request) => {
    const body = request.body as EmbedBody;
    if (status !== 200) return { status, body: { error } };
    return { status, body: { model: body.model, embeddings: body.input.map((text) => fakeVector(text, 768)) } };
  });
  servers.push(server);
  return server;
}

describe("the Ollama embedding provider", () => {
  it("sends input arrays in batches and truncates vectors to 384, re-normalised", async () => {
    const server = await serveOllama();
    const provider = createOllamaProvider({ host: server.url, model: "nomic-embed-text", batchSize: 2, timeoutMs: 5000 });
    const vectors = await provider.embed(["one", "two", "three"]);
    expect(provider.id).toBe("ollama:nomic-embed-text");
    expect(server.requests.map((request) => request.url)).toEqual(["/api/embed", "/api/embed"]);
    expect(server.requests.map((request) => (request.body as EmbedBody).input)).toEqual([["one", "two"], ["three"]]);
    expect((server.requests[0].body as EmbedBody).model).toBe("nomic-embed-text");
    expect(vectors.map((vector) => vector.length)).toEqual([384, 384, 384]);
    const kept = fakeVector("three", 768).slice(0, 384);
    const length = Math.hypot(...kept);
    expect(vectors[2][0]).toBeCloseTo(kept[0] / length, 6);
    expect(vectors[2][383]).toBeCloseTo(kept[383] / length, 6);
    expect(Math.hypot(...vectors[2])).toBeCloseTo(1, 5);
  });

  it("turns an error answer into a MotifError with Ollama's message", async () => {
    const server = await serveOllama(404, 'model "nomic-embed-text" not found, try pulling it first');
    const provider = createOllamaProvider({ host: server.url, model: "nomic-embed-text", batchSize: 8, timeoutMs: 5000 });
    const error = await provider.embed(["x"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MotifError);
    expect((error as MotifError).message).toBe(`Ollama embeddings at ${server.url} failed: 404 model "nomic-embed-text" not found, try pulling it first`);
  });

  it("says so clearly when no Ollama server is running", async () => {
    const port = await closedPort();
    const provider = createEmbeddingProvider({ provider: "ollama", host: `127.0.0.1:${port}` });
    await expect(provider.embed(["x"])).rejects.toThrow(`Ollama embeddings at http://127.0.0.1:${port} failed: could not connect (ECONNREFUSED)`);
  });

  it("answers a repeated query from its cache without a second request", async () => {
    const server = await serveOllama();
    const provider = createEmbeddingProvider({ provider: "ollama", host: server.url });
    await provider.embed(["find the retry helper"]);
    await provider.embed(["find the retry helper"]);
    expect(server.requests).toHaveLength(1);
  });
});
