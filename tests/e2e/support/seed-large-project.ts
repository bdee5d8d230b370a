// Seeds the browser tests' data dir with a project of more than 5,000 patterns from real code
// (see large-project.ts), before `motif serve` opens it. Building it takes minutes, so the
// finished data dir is kept in the temp folder under a key of everything that shapes it (the
// schema, the code that extracts, ingests and stores, the lockfile, the sources' file list);
// later runs copy it in a few seconds, and the server applies any newer migration on opening it.
// Usage: tsx tests/e2e/support/seed-large-project.ts <data dir>
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signUpLocalUser } from "@/lib/auth/local-accounts";
import { createProjectBySlug, migrate, openPgliteDatabase, withUser, type Database, type JwtClaims } from "@/lib/db";
import { extractPaths } from "@/lib/extract";
import { recordPatternUsage } from "@/lib/feedback";
import { ingestExtraction } from "@/lib/ingest";
import { updatePattern } from "@/lib/patterns";
import { largeProject, largeProjectSources } from "./large-project";

const repositoryRoot = path.resolve(import.meta.dirname, "../../..");

function filesUnder(folder: string): string[] {
  // Folders come and go as lib/ is reorganised: a missing one shapes nothing.
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function cacheKey(): string {
  const hash = createHash("sha256");
  const shaping = ["supabase", "lib/domain", "lib/extract", "lib/ingest", "lib/embed", "lib/quality", "lib/db/queries", "lib/feedback", "lib/patterns", "tests/e2e/support"];
  const inputs = shaping.flatMap((folder) => filesUnder(path.join(repositoryRoot, folder)));
  for (const file of [...inputs, path.join(repositoryRoot, "package-lock.json")]) hash.update(file).update(fs.readFileSync(file));
  for (const source of largeProjectSources) hash.update(filesUnder(path.resolve(repositoryRoot, source.root)).join("\n"));
  return hash.digest("hex").slice(0, 16);
}

async function ingestSources(database: Database, claims: JwtClaims, projectId: string): Promise<number> {
  let patterns = 0;
  for (const source of largeProjectSources) {
    const cwd = path.resolve(repositoryRoot, source.root);
    if (!fs.existsSync(cwd)) throw new Error(`${cwd} is missing: the scale tests ingest it (Debian's python3.11 and npm install provide it)`);
    const extraction = await extractPaths({ paths: ["."], cwd, jobs: Math.min(2, os.availableParallelism()) });
    const summary = await ingestExtraction({ database, claims, projectId, result: extraction, repository: source.repository, files: extraction.stats.files });
    patterns += summary.patterns.received;
    console.log(`seed: ${source.repository}: ${extraction.stats.files} files, ${summary.patterns.received} patterns`);
  }
  return patterns;
}

// Real feedback on the best patterns, so that the feed has pages to scroll and a status change to show.
async function recordFeedback(database: Database, claims: JwtClaims, projectId: string): Promise<void> {
  const ids = await withUser(database, claims, (transaction) => transaction.query<{ id: string }>(
    `select id from public.patterns where project_id = $1 order by quality_score desc nulls last, id limit $2`, [projectId, largeProject.usageReports]));
  for (const [index, { id }] of ids.entries()) {
    await withUser(database, claims, (transaction) => recordPatternUsage({
      transaction, patternId: id, report: { outcome: index % 4 === 0 ? "failed" : "successful", rating: 3 + (index % 3), context: { seeded_by: "e2e" } },
    }));
  }
  await withUser(database, claims, (transaction) => updatePattern({ transaction, patternId: ids[0].id, changes: { status: "deprecated" } }));
}

async function buildDataDir(target: string): Promise<void> {
  fs.mkdirSync(target, { recursive: true });
  const database = await openPgliteDatabase(path.join(target, "pgdata"));
  try {
    await migrate(database, { embedded: true });
    const user = await signUpLocalUser({ database, email: largeProject.email, password: largeProject.password });
    const claims: JwtClaims = { role: "authenticated", sub: user.id, email: user.email, aud: "authenticated" };
    const project = await withUser(database, claims, (transaction) => createProjectBySlug({ transaction, name: largeProject.name, slug: largeProject.slug }));
    const patterns = await ingestSources(database, claims, project.id);
    if (patterns < largeProject.minPatterns) throw new Error(`the sources gave ${patterns} patterns, fewer than ${largeProject.minPatterns}`);
    await recordFeedback(database, claims, project.id);
  } finally {
    await database.close();
  }
}

/** Fills `target` (a data dir) with the large project, from the cache when it matches; returns the seconds it took. */
export async function prepareLargeProject(target: string): Promise<number> {
  const started = performance.now();
  const cache = path.join(os.tmpdir(), "motif-e2e-cache", `large-project-${cacheKey()}`);
  if (!fs.existsSync(path.join(cache, "complete"))) {
    const building = `${cache}.building-${process.pid}`;
    fs.rmSync(building, { recursive: true, force: true });
    await buildDataDir(building);
    fs.writeFileSync(path.join(building, "complete"), new Date().toISOString());
    fs.rmSync(cache, { recursive: true, force: true });
    fs.renameSync(building, cache);
    console.log(`seed: built ${cache} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(cache, "pgdata"), path.join(target, "pgdata"), { recursive: true });
  const seconds = (performance.now() - started) / 1000;
  console.log(`seed: ${largeProject.slug} ready in ${target} after ${seconds.toFixed(1)} s`);
  return seconds;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (!process.argv[2]) throw new Error("usage: seed-large-project.ts <data dir>");
  await prepareLargeProject(process.argv[2]);
}
