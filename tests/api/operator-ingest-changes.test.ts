import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ingestChanges } from "@/app/api/operator/ingest-changes/route";
import { GET as sourceFiles } from "@/app/api/operator/source-files/route";
import { POST as warmMemory } from "@/app/api/operator/warm-memory/route";
import { readProgressStream } from "@/lib/cli/ingest-progress-bar";
import type { OwnerRequestOptions } from "@/lib/cli/owner-request";
import { sendChangesToServer, type ServerTransport } from "@/lib/cli/send-changes-to-server";
import { asService, ensureProjectBySlug, type Database } from "@/lib/db";
import type { OperatorIngestChanges } from "@/lib/domain";
import { createBuiltinProvider } from "@/lib/embed";
import { discoverFiles, extractPaths } from "@/lib/extract";
import {
  flushIngestMemorySaves, forgetRepositoryMemories, gitBlobHash, hashPresentFiles, ingestExtraction, ingestMemoryFolder, processExtractionCache,
  repositoryMemoryFor, warmRecentRepositories, type IngestProgress,
} from "@/lib/ingest";
import { getEnvironment } from "@/lib/env";
import { writeOperatorToken } from "@/lib/operator";
import { git, makeGitHistory } from "@/tests/support/git-history";
import { projectState } from "@/tests/support/project-state";
import { callRoute, useTestApi } from "./api-harness";

const fixture = path.resolve(import.meta.dirname, "../fixtures/repos/python-service");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-ingest-changes-"));
const checkout = path.join(workspace, "repo");

// The copy of inventory's retry loop (near-duplicate) in a new file, so a change reaches across files.
const stockRetry = (inventory: string) => inventory.replace("def fetch_stock", "def fetch_reserved_stock").replace("/stock/", "/reserved/");

describe("motif ingest through the running server (POST /api/operator/ingest-changes)", { timeout: 240_000 }, () => {
  let database: Database;
  let close: () => Promise<void>;
  let token: string;
  let shas: string[];
  const sent: OperatorIngestChanges[] = [];

  beforeAll(async () => {
    const api = await useTestApi();
    ({ database, close } = api);
    token = writeOperatorToken(api.dataDir);
    const payments = fs.readFileSync(path.join(fixture, "shop/clients/payments.py"), "utf8");
    const inventory = fs.readFileSync(path.join(fixture, "shop/clients/inventory.py"), "utf8");
    shas = makeGitHistory(checkout, fixture, [
      { message: "payments: refunds", write: { "shop/clients/payments.py": `${payments}\n\ndef refund_charge(charge_id):\n    """Refund a captured charge."""\n    return requests.post(f"{PAYMENTS_URL}/{charge_id}/refund", timeout=5).json()\n` } },
      { message: "reserved stock", write: { "shop/clients/reserved.py": stockRetry(inventory) } },
      { message: "shipping gone", remove: ["shop/clients/shipping.py"] },
      { message: "orders service renamed", rename: { "shop/services/orders.py": "shop/services/order_service.py" } },
    ]);
  });
  afterAll(async () => {
    await close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  // The CLI's side as `motif ingest` runs it, its requests answered by the route handlers.
  async function answer(where: string, options: OwnerRequestOptions): Promise<Response> {
    const url = new URL(where, "http://127.0.0.1:41900");
    if (options.body) sent.push(options.body as OperatorIngestChanges);
    const request = new Request(url, {
      method: options.method ?? "GET", body: options.body === undefined ? undefined : JSON.stringify(options.body),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: options.stream ? "application/x-ndjson" : "application/json" },
    });
    const handler = url.pathname === "/api/operator/source-files" ? sourceFiles : ingestChanges;
    const response = await handler(request, { params: Promise.resolve({}) });
    if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}: ${await response.text()}`);
    return response;
  }
  const server: ServerTransport = {
    json: async <T>(where: string, options: OwnerRequestOptions = {}) => (await (await answer(where, options)).json()) as T,
    stream: async <T>(where: string, options: OwnerRequestOptions & { onProgress: (progress: IngestProgress) => void }) =>
      readProgressStream<T>(await answer(where, { ...options, stream: true }), options.onProgress),
  };

  async function ingestThroughServer(project: string) {
    const discovery = await discoverFiles({ paths: [checkout], cwd: checkout });
    const tasks = new Map(discovery.files.map((file) => [file.file, file]));
    const hashed = await hashPresentFiles(discovery.files);
    const result = await sendChangesToServer({
      server, request: { project, repository: "", scope: [""] }, failures: [...discovery.failures, ...hashed.failures], onProgress: () => {},
      present: hashed.present.map((file) => ({ ...file, path: tasks.get(file.file)!.path, language: tasks.get(file.file)!.language })),
    });
    return { result: result!, changed: sent.at(-1)!.changed.map((file) => file.file) };
  }


  it("sends only the changed files, and ends every commit where a full ingest of it does", async () => {
    const expectedChanged = [null, ["shop/clients/payments.py"], ["shop/clients/reserved.py"], [], ["shop/services/order_service.py"]];
    for (const [index, sha] of shas.entries()) {
      git(checkout, "checkout", "-q", sha);
      const { result, changed } = await ingestThroughServer("through-server");
      const full = await extractPaths({ paths: [checkout], cwd: checkout, jobs: 1 });
      if (expectedChanged[index]) expect(changed).toEqual(expectedChanged[index]);
      else expect(changed.length).toBe(full.stats.files);
      expect(result.files).toMatchObject({ extracted: changed.length, removed: index === 3 || index === 4 ? 1 : 0 });
      expect(result.staged).toBe(index === 0 ? "everything" : "difference");

      const fullId = (await asService(database, (transaction) => ensureProjectBySlug({ transaction, slug: `full-${index}`, name: "full" }))).id;
      await ingestExtraction({ database, claims: "service_role", projectId: fullId, result: full, embedder: createBuiltinProvider(), scope: [""] });
      expect(await projectState(database, result.project.id)).toEqual(await projectState(database, fullId));
    }
    // The same commit again: nothing sent, nothing changed.
    const again = await ingestThroughServer("through-server");
    expect(again.changed).toEqual([]);
    expect(again.result.patterns).toMatchObject({ created: 0, updated: 0 });
    expect(again.result.events).toBe(0);
  });

  it("after a restart, builds the repository's memory from the database and the data dir's memory file: the first ingest writes its difference and ends where a full ingest does", async () => {
    git(checkout, "checkout", "-q", shas[0]);
    const first = await ingestThroughServer("restarted");
    expect(first.result.staged).toBe("everything");
    flushIngestMemorySaves();
    // What a restart leaves: no memory, no extraction cache, the memory file in the data dir.
    forgetRepositoryMemories();
    processExtractionCache.clear();
    expect((await callRoute(warmMemory, { method: "POST", bearer: "not-the-token" })).status).toBe(401);
    expect((await callRoute(warmMemory, { method: "POST", bearer: token })).status).toBe(202);
    const warmed: string[] = [];
    await warmRecentRepositories({
      database, embedder: createBuiltinProvider(), folder: ingestMemoryFolder(getEnvironment()), limit: 100,
      onWarmed: ({ projectId, outcome }) => { if (outcome) warmed.push(projectId); },
    });
    expect(warmed).toContain(first.result.project.id);
    const memory = repositoryMemoryFor(first.result.project.id, "");
    expect(memory.ingest.last).toBeDefined();
    expect(memory.clustering.references.byFile.size).toBeGreaterThan(0);
    git(checkout, "checkout", "-q", shas[1]);
    const next = await ingestThroughServer("restarted");
    expect(next.changed).toEqual(["shop/clients/payments.py"]);
    expect(next.result.staged).toBe("difference");
    const full = await extractPaths({ paths: [checkout], cwd: checkout, jobs: 1 });
    const fullId = (await asService(database, (transaction) => ensureProjectBySlug({ transaction, slug: "restarted-full", name: "full" }))).id;
    await ingestExtraction({ database, claims: "service_role", projectId: fullId, result: full, embedder: createBuiltinProvider(), scope: [""] });
    expect(await projectState(database, next.result.project.id)).toEqual(await projectState(database, fullId));
    git(checkout, "checkout", "-q", shas.at(-1)!);
  });

  it("reads again a file a stale local hash names otherwise than the server, and sends it only when its bytes differ from the stored ones", async () => {
    const discovery = await discoverFiles({ paths: [checkout], cwd: checkout });
    const hashed = await hashPresentFiles(discovery.files);
    const stale = hashed.present[0].file;
    const corrected: string[] = [];
    const present = discovery.files.map((task) => ({
      file: task.file, path: task.path, language: task.language,
      hash: task.file === stale ? gitBlobHash(Buffer.from("what a stale cache remembers\n")) : hashed.present.find((file) => file.file === task.file)!.hash,
    }));
    const posted = sent.length;
    const result = await sendChangesToServer({
      server, request: { project: "through-server", repository: "", scope: [""] }, failures: [], onProgress: () => {}, present,
      onHashCorrected: (file) => corrected.push(file),
    });
    expect(corrected).toEqual([stale]);
    expect(sent.length).toBe(posted + 1);
    // Listed at the id of its bytes, which the server holds: nothing sent, nothing changed.
    expect(sent.at(-1)!.changed).toEqual([]);
    expect(sent.at(-1)!.present.find((file) => file.file === stale)!.hash).toBe(hashed.present[0].hash);
    expect(result!.files).toMatchObject({ extracted: 0, removed: 0 });
    expect(result!.patterns).toMatchObject({ created: 0, updated: 0 });
  });

  it("sends nothing to an older server (its listing names no extractor version): the CLI then ingests by itself", async () => {
    let posted = 0;
    const older: ServerTransport = {
      json: async <T>() => ({ files: [] }) as T,
      stream: async () => { posted += 1; throw new Error("nothing should be posted"); },
    };
    const present = [{ file: "a.py", hash: gitBlobHash(Buffer.from("x = 1\n")), path: path.join(checkout, "a.py"), language: "python" as const }];
    const result = await sendChangesToServer({ server: older, request: { project: "older", repository: "", scope: [""] }, present, failures: [], onProgress: () => {} });
    expect(result).toBeUndefined();
    expect(posted).toBe(0);
  });

  const file = "shop/clients/payments.py";
  const bytes = Buffer.from("def pay():\n    return 1\n");
  const valid = (): OperatorIngestChanges => ({
    project: "refusals", repository: "", scope: [""],
    present: [{ file, hash: gitBlobHash(bytes) }],
    changed: [{ file, hash: gitBlobHash(bytes), language: "python", content: bytes.toString("base64") }],
    failures: [],
  });
  const post = (body: unknown, bearer = token) => callRoute(ingestChanges, { method: "POST", bearer, body });

  it("refuses anyone but the operator, writing nothing", async () => {
    const refused = await post(valid(), "not-the-token");
    expect(refused.status).toBe(401);
    const projects = await asService(database, (transaction) => transaction.query(`select 1 from public.projects where slug = 'refusals'`));
    expect(projects).toHaveLength(0);
  });

  it("refuses files that do not hold together with a 400 naming the file", async () => {
    const cases: Array<[OperatorIngestChanges, string]> = [
      [{ ...valid(), changed: [{ ...valid().changed[0], content: Buffer.from("other bytes").toString("base64") }] }, "its content's blob id is"],
      [{ ...valid(), present: [] }, "not listed in present"],
      [{ ...valid(), present: [...valid().present, ...valid().present] }, "listed twice"],
      [{ ...valid(), changed: [{ ...valid().changed[0], content: "not base64!" }] }, "not base64"],
      [{ ...valid(), changed: [{ file, hash: valid().changed[0].hash, language: "python" }] }, "either content or failure"],
      [{ ...valid(), project: "Not A Slug" }, "project"],
      [{ ...valid(), changed: Array.from({ length: 201 }, () => valid().changed[0]) }, "changed"],
    ];
    for (const [body, message] of cases) {
      const answer = await post(body);
      expect(answer.status, message).toBe(400);
      expect(answer.body.error.message).toContain(message);
    }
    expect((await callRoute(ingestChanges, { method: "POST", bearer: token, rawBody: "{" })).status).toBe(400);
    const projects = await asService(database, (transaction) => transaction.query(`select 1 from public.projects where slug = 'refusals'`));
    expect(projects).toHaveLength(0);
  });

  it("answers 409 when the server lacks a file it was not sent (the stored files changed since the listing)", async () => {
    expect((await post(valid())).status).toBe(200);
    const changedBytes = Buffer.from("def pay():\n    return 2\n");
    const answer = await post({ ...valid(), present: [{ file, hash: gitBlobHash(changedBytes) }], changed: [] });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain(file);
  });
});
