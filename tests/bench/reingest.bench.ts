// `npm run bench:reingest`: incremental ingest on the Python bench corpus (the standard library,
// capped at 6 MB as in bench:extract): a full first ingest, then re-ingests after ONE file
// changed in the same process with its memory of the repository (twice), after nothing
// changed, after one file changed without that memory (the baseline), and as a fresh process
// would; each split into its phases. In process, into an embedded database in a scratch
// folder; then two real `motif ingest` processes on that data dir after one more changed file
// each (Node start, module loading and opening the database included): the first finds no
// memory file of the repository (it writes everything, as every fresh process did before the
// file), the second reads the one the first left. Figures to stdout and
// tests/bench/results/reingest.json. Since session 12 also a restarted server: its memory built
// from the database (wall and CPU), then one file changed.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asService, ensureProjectBySlug, listSourceFilesByRepository, readSourceFileExtractions, migrate, openPgliteDatabase, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { discoverFiles, extractFileOutcomes } from "@/lib/extract";
import { ClusteringMemory } from "@/lib/extract";
import {
  ExtractionCache, extractIncrementally, hashPresentFiles, ingestExtraction, IngestMemory, LastExtraction, loadIngestMemory, saveIngestMemory, warmRepositoryMemory,
  type RepositoryMemory,
} from "@/lib/ingest";
import { buildCorpus } from "./support/bench-corpus";
import { profileWhile } from "./support/profile-while";

const repository = path.resolve(import.meta.dirname, "../..");
const pythonMaxBytes = Number(process.env.BENCH_PYTHON_MAX_MB ?? 6) * 1024 * 1024;
const embedder = createBuiltinProvider();

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

// Wall and CPU milliseconds of each phase: on a shared machine the wall time says what a user
// waits, the CPU time what the work costs (it does not grow with other processes' load).
function phaseClock() {
  const laps: Record<string, { wall: number; cpu: number }> = {};
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return {
    lap(phase: string) {
      const used = process.cpuUsage(cpu);
      const now = performance.now();
      const previous = laps[phase] ?? { wall: 0, cpu: 0 };
      laps[phase] = { wall: previous.wall + now - wall, cpu: previous.cpu + (used.user + used.system) / 1000 };
      wall = now;
      cpu = process.cpuUsage();
    },
    report() {
      const rounded = Object.fromEntries(Object.entries(laps).map(([phase, { wall, cpu }]) => [phase, { wall: Math.round(wall), cpu: Math.round(cpu) }]));
      const total = Object.values(laps).reduce((sum, { wall, cpu }) => ({ wall: sum.wall + wall, cpu: sum.cpu + cpu }), { wall: 0, cpu: 0 });
      return { total: { wall: Math.round(total.wall), cpu: Math.round(total.cpu) }, ...rounded };
    },
  };
}

async function ingestOnce(database: Database, projectId: string, folder: string, state: { cache?: ExtractionCache; memory?: RepositoryMemory }) {
  const clock = phaseClock();
  const discovery = await discoverFiles({ paths: [folder], cwd: folder });
  const tasks = new Map(discovery.files.map((file) => [file.file, file]));
  const { present } = await hashPresentFiles(discovery.files);
  clock.lap("discover_and_hash");
  const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, projectId, repository: "", withExtractions: false }));
  clock.lap("read_stored");
  const incremental = await extractIncrementally({
    stored, present, scope: [""], cache: state.cache, memory: state.memory?.clustering, last: state.memory?.extraction,
    readExtractions: (files) => asService(database, (transaction) => readSourceFileExtractions({ transaction, projectId, repository: "", files })),
    extract: async (files) => {
      clock.lap("plan");
      const { outcomes } = await extractFileOutcomes({ files: files.map((file) => tasks.get(file.file)!), jobs: os.availableParallelism() });
      clock.lap("extract_changed");
      return outcomes;
    },
  });
  clock.lap("cluster_all");
  const summary = await ingestExtraction({ database, claims: "service_role", projectId, result: incremental.result, embedder, scope: [""], sourceFiles: incremental.sourceFiles, memory: state.memory?.ingest });
  clock.lap("write");
  return { files: incremental.files, staged: summary.staged, patterns: summary.patterns, occurrences: summary.occurrences, ms: clock.report(), write_phases_wall_ms: summary.timings_ms };
}

// One `motif ingest` of the corpus as a new process (embedded, on the bench's data dir), timed from
// outside (wall) and by its own phase report (MOTIF_PHASE_TIMINGS: wall and CPU of each phase).
function freshIngest(dataDir: string, folder: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: dataDir, MOTIF_PHASE_TIMINGS: "1" };
  delete env.DATABASE_URL; // embedded mode
  delete env.SUPABASE_DB_URL;
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(repository, "bin/motif"), "ingest", ".", "--project", "bench", "--json"], {
    cwd: folder, encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
    env,
  });
  const wall = Math.round(performance.now() - started);
  if (run.status !== 0) throw new Error(`motif ingest failed: ${run.stderr}`);
  const summary = JSON.parse(run.stdout) as { files: unknown; staged: string };
  const phases: Record<string, { wall: number; cpu: number }> = Object.fromEntries(run.stderr.split("\n").flatMap((line) => {
    const match = /^(.+?)\s+(\d+) ms wall\s+(\d+) ms cpu$/.exec(line.trim());
    return match ? [[match[1], { wall: Number(match[2]), cpu: Number(match[3]) }]] : [];
  }));
  return { wall_ms: wall, cpu_ms: phases.total?.cpu ?? null, files: summary.files, staged: summary.staged, phases_ms: phases };
}

const loadBefore = os.loadavg();
const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-bench-reingest-"));
try {
  const corpus = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: pythonMaxBytes });
  const database = await openPgliteDatabase(path.join(scratch, "pgdata"));
  await migrate(database, { embedded: true });
  const projectId = (await asService(database, (transaction) => ensureProjectBySlug({ transaction, slug: "bench", name: "bench" }))).id;
  // The server's process: its extraction cache (the process's own) and its memory of the repository.
  const remember = (): RepositoryMemory => ({ clustering: new ClusteringMemory(), extraction: new LastExtraction(), ingest: new IngestMemory() });
  const server = { memory: remember() };
  const full = await ingestOnce(database, projectId, corpus.folder, server);
  // A file of the corpus (the sample varies with the installed Python) gains a function.
  const [first] = (await discoverFiles({ paths: [corpus.folder], cwd: corpus.folder })).files;
  const changed = first.path;
  const appendFunction = (name: string) => appendFileSync(changed, [
    "", "", `def ${name}(function, attempts=3):`,
    "    \"\"\"Call function, retrying on OSError up to attempts times.\"\"\"",
    "    for attempt in range(attempts):", "        try:", "            return function()", "        except OSError:",
    "            if attempt == attempts - 1:", "                raise", "",
  ].join("\n"));
  appendFunction("retry_call");
  // The process that made the first ingest: a server receiving pushes (its extraction cache is warm).
  // BENCH_PROFILE=<file.cpuprofile>: a CPU profile of this re-ingest (open it in Chrome's DevTools).
  const oneFile = await profileWhile(process.env.BENCH_PROFILE, () => ingestOnce(database, projectId, corpus.folder, server));
  // The next push to the same server: its memory now holds the last re-ingest, its code is warm.
  appendFunction("retry_call_next");
  const nextFile = await ingestOnce(database, projectId, corpus.folder, server);
  const nothing = await ingestOnce(database, projectId, corpus.folder, server);
  // The same process without its memory of the repository (how re-ingest ran before it): the baseline.
  appendFunction("retry_call_again");
  const withoutMemory = await ingestOnce(database, projectId, corpus.folder, {});
  // As a fresh process would (`motif ingest` from the CLI): every stored extraction read back, no
  // per-unit facts kept, no clustering memory (its module and JIT warm-up are not counted).
  appendFunction("retry_call_once_more");
  const coldProcess = { cache: new ExtractionCache(), memory: remember() };
  const coldCache = await ingestOnce(database, projectId, corpus.folder, coldProcess);
  // A restarted server (session 12): a new memory built from the database and the write's memory
  // file before the next push arrives, then that push. In this process the code is already
  // compiled, so the push is what a restarted server's is after its warm-up at best.
  const memoryFolder = path.join(scratch, "ingest-memory-restart");
  const restartedTarget = { folder: memoryFolder, projectId, repository: "" };
  // The memory of the last write (the cold process's: the memory-less runs since wrote too).
  saveIngestMemory(restartedTarget, coldProcess.memory.ingest);
  const restarted = { cache: new ExtractionCache(), memory: { ...remember(), ingest: loadIngestMemory(restartedTarget) } };
  const warmClock = phaseClock();
  await warmRepositoryMemory({ database, projectId, repository: "", embedder, memory: restarted.memory, cache: restarted.cache });
  warmClock.lap("memory_built");
  appendFunction("retry_call_after_restart");
  const afterRestart = await ingestOnce(database, projectId, corpus.folder, restarted);
  await database.close();
  // Fresh `motif ingest` processes on the same data dir: without a memory file, then with it.
  appendFunction("retry_call_fresh");
  const freshWithoutFile = freshIngest(scratch, corpus.folder);
  appendFunction("retry_call_fresh_again");
  const freshWithFile = freshIngest(scratch, corpus.folder);
  const report = { corpus: { files: corpus.files, lines: corpus.lines, bytes: corpus.bytes }, changed_file: path.relative(corpus.folder, changed), full, one_file_changed: oneFile, next_file_changed: nextFile, nothing_changed: nothing, one_file_changed_without_memory: withoutMemory, one_file_changed_cold_cache: coldCache, restart_memory_built: warmClock.report(), one_file_changed_after_restart: afterRestart, fresh_process_without_memory_file: freshWithoutFile, fresh_process_with_memory_file: freshWithFile, cores: os.availableParallelism(), node: process.version, load: { before: loadBefore, after: os.loadavg() } };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  mkdirSync(path.join(repository, "tests/bench/results"), { recursive: true });
  writeFileSync(path.join(repository, "tests/bench/results/reingest.json"), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
