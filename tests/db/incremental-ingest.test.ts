import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, ensureProjectBySlug, listSourceFilesByRepository, readSourceFileExtractions, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { discoverFiles, extractFileOutcomes, extractPaths } from "@/lib/extract";
import { ClusteringMemory } from "@/lib/extract";
import { ExtractionCache, extractIncrementally, hashPresentFiles, ingestExtraction, IngestMemory } from "@/lib/ingest";
import { makeGitHistory, git } from "@/tests/support/git-history";
import { projectState } from "@/tests/support/project-state";
import { createTestDatabase } from "@/tests/support/test-database";

const fixture = path.resolve(import.meta.dirname, "../fixtures/repos/python-service");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-incremental-"));
const checkout = path.join(workspace, "repo");
const embedder = createBuiltinProvider();
let database: Database;
let shas: string[];

// Real code, committed one change at a time: a new retrying function beside an old one, a
// changed line, a deleted and an added file, a renamed file.
const notifications = `import logging
import time

import requests

log = logging.getLogger(__name__)
NOTIFY_URL = "https://notify.internal/api/messages"


def send_notification(user_id, text, attempts=3, pause=0.1):
    delay = pause
    for attempt in range(attempts):
        try:
            reply = requests.post(f"{NOTIFY_URL}/{user_id}", json={"text": text}, timeout=2)
            reply.raise_for_status()
            return reply.json()
        except requests.RequestException as error:
            if attempt == attempts - 1:
                raise
            log.warning("notification failed (%s), retrying", error)
            time.sleep(delay)
            delay = delay * 2


def render_greeting(user):
    """The first line of every message."""
    return f"Hello {user['name']},"
`;

beforeAll(async () => {
  database = await createTestDatabase();
  const payments = fs.readFileSync(path.join(fixture, "shop/clients/payments.py"), "utf8");
  const inventory = fs.readFileSync(path.join(fixture, "shop/clients/inventory.py"), "utf8");
  shas = makeGitHistory(checkout, fixture, [
    { message: "payments: capture a held charge", write: { "shop/clients/payments.py": `${payments}

def capture_charge(charge_id):
    """Capture a charge that was only authorised."""
    reply = requests.post(f"{PAYMENTS_URL}/{charge_id}/capture", timeout=5)
    if reply.status_code == 404:
        raise LookupError(f"no charge {charge_id}")
    reply.raise_for_status()
    return reply.json()
` } },
    { message: "inventory: shorter first wait", write: { "shop/clients/inventory.py": inventory.replace("base_delay=0.2", "base_delay=0.1") } },
    { message: "notifications replace shipping", remove: ["shop/clients/shipping.py"], write: { "shop/clients/notifications.py": notifications } },
    { message: "orders service renamed", rename: { "shop/services/orders.py": "shop/services/order_service.py" } },
  ]);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(workspace, { recursive: true, force: true });
});

async function project(slug: string): Promise<string> {
  return (await asService(database, (transaction) => ensureProjectBySlug({ transaction, slug, name: slug }))).id;
}

// Cold: a fresh process each time (every stored extraction read). Warm: one long-running
// process (the server that receives the pushes): the listing leaves the extractions out and
// the process's cache supplies them, the same unit objects from one ingest to the next, and
// it remembers the repository's last clustering and write (only the difference is redone).
const warmCache = new ExtractionCache();
const warmMemory = { clustering: new ClusteringMemory(), ingest: new IngestMemory() };

async function ingestIncrementally(projectId: string, process: "cold" | "warm" = "cold") {
  const discovery = await discoverFiles({ paths: [checkout], cwd: checkout });
  const tasks = new Map(discovery.files.map((file) => [file.file, file]));
  const { present } = await hashPresentFiles(discovery.files);
  const withExtractions = process === "cold";
  const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, projectId, repository: "", withExtractions }));
  const extracted: string[] = [];
  const read: string[] = [];
  const incremental = await extractIncrementally({
    stored, present, scope: [""],
    cache: process === "cold" ? new ExtractionCache() : warmCache,
    memory: process === "cold" ? undefined : warmMemory.clustering,
    readExtractions: async (files) => {
      read.push(...files);
      return asService(database, (transaction) => readSourceFileExtractions({ transaction, projectId, repository: "", files }));
    },
    extract: async (files) => {
      extracted.push(...files.map((file) => file.file));
      return (await extractFileOutcomes({ files: files.map((file) => tasks.get(file.file)!), jobs: 1 })).outcomes;
    },
  });
  const summary = await ingestExtraction({
    database, claims: "service_role", projectId, result: incremental.result, embedder, scope: [""], sourceFiles: incremental.sourceFiles,
    memory: process === "cold" ? undefined : warmMemory.ingest,
  });
  return { incremental, summary, extracted, read };
}


describe("incremental ingest over a real git history", { timeout: 240_000 }, () => {
  it("re-extracts only the files each commit changed, and ends every commit where a full ingest of it does", async () => {
    const incrementalId = await project("incremental");
    const warmId = await project("warm");
    const expectedExtracted = [
      null, // first ingest: every file
      ["shop/clients/payments.py"],
      ["shop/clients/inventory.py"],
      ["shop/clients/notifications.py"],
      ["shop/services/order_service.py"],
    ];
    for (const [index, sha] of shas.entries()) {
      git(checkout, "checkout", "-q", sha);
      const { incremental, summary, extracted } = await ingestIncrementally(incrementalId);
      const full = await extractPaths({ paths: [checkout], cwd: checkout, jobs: 1 });
      if (expectedExtracted[index]) expect(extracted).toEqual(expectedExtracted[index]);
      else expect(extracted.length).toBe(full.stats.files);
      // The clustering of stored and fresh extractions is the clustering of a full extraction.
      expect(incremental.result.patterns).toEqual(full.patterns);
      expect(incremental.result.relationships).toEqual(full.relationships);
      expect(incremental.result.units).toEqual(full.units);
      if (index === 3) expect(incremental.files).toEqual({ extracted: 1, reused: full.stats.files - 1, removed: 1 });
      if (index === 3) expect(summary.occurrences.removed).toBeGreaterThan(0);

      // The same history in a warm process: nothing read back but what it had not seen.
      const warm = await ingestIncrementally(warmId, "warm");
      expect(warm.extracted).toEqual(extracted);
      expect(warm.read).toEqual([]);
      expect(warm.incremental.result.patterns).toEqual(full.patterns);
      expect(warm.incremental.result.relationships).toEqual(full.relationships);
      expect(warm.incremental.result.units).toEqual(full.units);
      // After the first, each warm write staged only its difference from the last, and changed what writing everything changed.
      expect(warm.summary.staged).toBe(index === 0 ? "everything" : "difference");
      expect(summary.staged).toBe("everything");
      const changes = (run: typeof summary) => ({ patterns: run.patterns, occurrences: run.occurrences, relationships: run.relationships, events: run.events });
      expect(changes(warm.summary)).toEqual(changes(summary));

      const fullId = await project(`full-${index}`);
      await ingestExtraction({ database, claims: "service_role", projectId: fullId, result: full, embedder, scope: [""] });
      const fullState = await projectState(database, fullId);
      expect(await projectState(database, incrementalId)).toEqual(fullState);
      expect(await projectState(database, warmId)).toEqual(fullState);
    }
  });

  it("reads back only the stored extractions a process has not seen", async () => {
    const warmId = await project("warm");
    const { read, extracted, summary } = await ingestIncrementally(warmId, "warm");
    expect(extracted).toEqual([]);
    expect(read).toEqual([]);
    expect(summary.patterns).toMatchObject({ created: 0, updated: 0 });
    // Another process (an empty cache): every file's extraction is read, none extracted.
    const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, projectId: warmId, repository: "" }));
    const cold = await extractIncrementally({
      stored: stored.map((row) => ({ ...row, extraction: row.extraction === null ? null : undefined })), present: stored.map((row) => ({ file: row.file_path, hash: row.content_hash })), scope: [""],
      cache: new ExtractionCache(),
      readExtractions: (files) => asService(database, (transaction) => readSourceFileExtractions({ transaction, projectId: warmId, repository: "", files })),
      extract: async () => { throw new Error("nothing should be extracted"); },
    });
    expect(cold.files).toEqual({ extracted: 0, reused: stored.length, removed: 0 });
    expect(cold.result.patterns.length).toBeGreaterThan(0);
  });

  it("changes nothing when the same commit is ingested again, and extracts nothing", async () => {
    const incrementalId = await project("incremental");
    const { summary, extracted } = await ingestIncrementally(incrementalId);
    expect(extracted).toEqual([]);
    expect(summary.patterns).toMatchObject({ created: 0, updated: 0 });
    expect(summary.occurrences).toMatchObject({ added: 0, moved: 0, revived: 0, removed: 0 });
    expect(summary.events).toBe(0);
  });
});
