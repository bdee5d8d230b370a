import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, ensureProjectBySlug, listSourceFilesByRepository, readSourceFileExtractions, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { assembleResult, ClusteringMemory, extractSource } from "@/lib/extract";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import {
  ExtractionCache, extractIncrementally, gitBlobHash, ingestExtraction, IngestMemory, LastExtraction, loadIngestMemory, saveIngestMemory, warmRepositoryMemory, type IngestSummary,
} from "@/lib/ingest";
import { applyRandomEdit, randomSource, startingTree } from "@/tests/support/random-edits";
import { createTestDatabase } from "@/tests/support/test-database";

const embedder = createBuiltinProvider();
let database: Database;
const memoryFolder = mkdtempSync(path.join(os.tmpdir(), "motif-ingest-memory-"));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(memoryFolder, { recursive: true, force: true });
});

async function project(slug: string): Promise<string> {
  return (await asService(database, (transaction) => ensureProjectBySlug({ transaction, slug, name: slug }))).id;
}

const bytesOf = (source: string) => new TextEncoder().encode(source);

async function extractTree(tree: Map<string, string>, files: string[]) {
  return Promise.all(files.map((file) => extractSource({ file, language: detectLanguage(file)!, bytes: bytesOf(tree.get(file)!) })));
}

// An incremental ingest of the tree as it is now: warm (one long-running process with its
// extraction cache and its memory of the repository), cold (a fresh process, nothing kept) or
// fresh (a fresh process reading the last one's write from its memory file, `motif ingest`), or
// restarted (a server that starts: its memory of the repository built from the database and the file).
async function ingestTree(projectId: string, tree: Map<string, string>, process: { cache: ExtractionCache; clustering?: ClusteringMemory; last?: LastExtraction; ingest?: IngestMemory }) {
  const present = [...tree].map(([file, source]) => ({ file, hash: gitBlobHash(bytesOf(source)) }));
  const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, projectId, repository: "", withExtractions: false }));
  const incremental = await extractIncrementally({
    stored, present, scope: [""], cache: process.cache, memory: process.clustering, last: process.last,
    readExtractions: (files) => asService(database, (transaction) => readSourceFileExtractions({ transaction, projectId, repository: "", files })),
    extract: (files) => extractTree(tree, files.map((file) => file.file)),
  });
  return ingestExtraction({ database, claims: "service_role", projectId, result: incremental.result, embedder, scope: [""], sourceFiles: incremental.sourceFiles, memory: process.ingest });
}

async function ingestWhole(projectId: string, tree: Map<string, string>) {
  const outcomes = await extractTree(tree, [...tree.keys()]);
  const extractions = outcomes.flatMap((outcome) => (outcome.status === "extracted" ? [outcome.extraction] : []));
  const failures = outcomes.flatMap((outcome) => (outcome.status === "failed" ? [outcome.failure] : []));
  const result = assembleResult({ extractions, failures, jobs: 1, elapsedMs: () => 0 });
  await ingestExtraction({ database, claims: "service_role", projectId, result, embedder, scope: [""] });
}

// Everything of a project an ingest writes and a reader sees.
async function projectState(projectId: string) {
  return asService(database, async (transaction) => ({
    patterns: await transaction.query(
      `select extraction_key, name, description, kind, quality_score, complexity, tags, code from public.patterns where project_id = $1 order by extraction_key`, [projectId]),
    occurrences: await transaction.query(
      `select p.extraction_key, o.file_path, o.start_line, o.end_line, o.qualname, o.unit_kind, o.complexity, o.removed_at is null as live
       from public.pattern_occurrences o join public.patterns p on p.id = o.pattern_id where o.project_id = $1
       order by p.extraction_key, o.file_path, o.start_line, o.end_line`, [projectId]),
    relationships: await transaction.query(
      `select s.extraction_key as source, t.extraction_key as target, r.relationship_type, r.strength, r.confidence, r.evidence, r.origin
       from public.pattern_relationships r join public.patterns s on s.id = r.source_pattern_id join public.patterns t on t.id = r.target_pattern_id
       where r.project_id = $1 order by 1, 2, 3`, [projectId]),
    lexemes: await transaction.query(`select lexeme, documents from private.search_lexeme_stats where project_id = $1 order by lexeme`, [projectId]),
  }));
}

const changes = (summary: IngestSummary) => ({ patterns: summary.patterns, occurrences: summary.occurrences, relationships: summary.relationships, events: summary.events });

describe("incremental ingest along random edit sequences", { timeout: 600_000 }, () => {
  it("writing only the difference from the last ingest (kept in the process, in a file for the next process, or warmed by a restarted server) ends where writing everything does, and where a full ingest does", async () => {
    for (const seed of [7, 8]) {
      const random = randomSource(seed);
      const tree = await startingTree();
      const warmId = await project(`warm-${seed}`);
      const coldId = await project(`cold-${seed}`);
      const freshId = await project(`fresh-${seed}`);
      const restartId = await project(`restart-${seed}`);
      const warm = { cache: new ExtractionCache(), clustering: new ClusteringMemory(), last: new LastExtraction(), ingest: new IngestMemory() };
      const persisted = { folder: path.join(memoryFolder, String(seed)), projectId: freshId, repository: "" };
      const restartPersisted = { folder: path.join(memoryFolder, `restart-${seed}`), projectId: restartId, repository: "" };
      let differences = 0;
      for (let step = 0; step < 8; step++) {
        const applied = step === 0 ? "start" : applyRandomEdit(tree, random, step);
        if (applied === null) continue;
        const label = `seed ${seed}, step ${step}: ${applied}`;
        // Someone else's write between two ingests (the same relationship, by its keys, deleted by hand in both):
        // the memory no longer stands for the project.
        const foreign = step === 4;
        if (foreign) {
          for (const id of [warmId, coldId, freshId, restartId]) {
            await asService(database, (transaction) => transaction.query(
              `delete from public.pattern_relationships where id = (
                 select r.id from public.pattern_relationships r
                 join public.patterns s on s.id = r.source_pattern_id join public.patterns t on t.id = r.target_pattern_id
                 where r.project_id = $1 order by s.extraction_key, t.extraction_key, r.relationship_type limit 1)`, [id]));
          }
        }
        const warmSummary = await ingestTree(warmId, tree, warm);
        const coldSummary = await ingestTree(coldId, tree, { cache: new ExtractionCache() });
        const freshMemory = loadIngestMemory(persisted);
        const freshSummary = await ingestTree(freshId, tree, { cache: new ExtractionCache(), ingest: freshMemory });
        saveIngestMemory(persisted, freshMemory);
        // A server started now: its memory built from the stored files and the memory file before the ingest arrives.
        const restarted = { cache: new ExtractionCache(), clustering: new ClusteringMemory(), ingest: loadIngestMemory(restartPersisted) };
        const warmed = await warmRepositoryMemory({ database, projectId: restartId, repository: "", embedder, memory: restarted, cache: restarted.cache });
        if (step > 0) expect(warmed?.files, label).toBe(restarted.cache.size);
        if (step > 0) expect(restarted.clustering.references.byFile.size, label).toBeGreaterThan(0);
        const restartSummary = await ingestTree(restartId, tree, restarted);
        saveIngestMemory(restartPersisted, restarted.ingest);
        expect(restartSummary.staged, label).toBe(step === 0 || foreign ? "everything" : "difference");
        expect(changes(restartSummary), label).toEqual(changes(coldSummary));
        if (warmSummary.staged === "difference") differences++;
        expect(warmSummary.staged, label).toBe(step === 0 || foreign ? "everything" : "difference");
        expect(freshSummary.staged, label).toBe(step === 0 || foreign ? "everything" : "difference");
        expect(changes(warmSummary), label).toEqual(changes(coldSummary));
        expect(changes(freshSummary), label).toEqual(changes(coldSummary));
        const fullId = await project(`full-${seed}-${step}`);
        await ingestWhole(fullId, tree);
        const fullState = await projectState(fullId);
        // Removed occurrences of earlier steps are the incremental projects' history: compare the live ones.
        const live = (state: Awaited<ReturnType<typeof projectState>>) => ({ ...state, occurrences: state.occurrences.filter((row) => row.live) });
        const liveKeys = new Set(live(fullState).occurrences.map((row) => row.extraction_key));
        const livePatterns = (state: Awaited<ReturnType<typeof projectState>>) => state.patterns.filter((row) => liveKeys.has(row.extraction_key));
        const warmState = await projectState(warmId);
        expect(warmState, label).toEqual(await projectState(coldId));
        expect(await projectState(freshId), label).toEqual(warmState);
        expect(await projectState(restartId), label).toEqual(warmState);
        expect(live(warmState).occurrences, label).toEqual(live(fullState).occurrences);
        expect(livePatterns(warmState), label).toEqual(livePatterns(fullState));
        expect(warmState.relationships, label).toEqual(fullState.relationships);
        expect(warmState.lexemes.length, label).toBeGreaterThan(0);
        // The same tree again in the warm process: its last clustering given again, nothing written,
        // and the digest it keeps (not read again) still tells the next step's foreign write apart.
        const hits = warm.last.hits;
        const again = await ingestTree(warmId, tree, warm);
        expect(warm.last.hits, `${label}, again`).toBe(hits + 1);
        expect(again.staged, `${label}, again`).toBe("difference");
        expect(changes(again), `${label}, again`).toEqual({
          patterns: { ...changes(coldSummary).patterns, created: 0, updated: 0, unchanged: changes(coldSummary).patterns.received },
          occurrences: { ...changes(coldSummary).occurrences, added: 0, moved: 0, revived: 0, removed: 0 },
          relationships: { created: 0, updated: 0, removed: 0 }, events: 0,
        });
        expect(await projectState(warmId), `${label}, again`).toEqual(warmState);
      }
      expect(differences).toBeGreaterThanOrEqual(3);
    }
  });
});
