// `npm run bench:reingest`: incremental ingest on the Python bench corpus (the standard library,
// capped at 6 MB as in bench:extract): a full first ingest, then a re-ingest after ONE file
// changed, then one after nothing changed, each split into its phases. In process, into an
// embedded database in a scratch folder; figures to stdout and tests/bench/results/reingest.json.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asService, ensureProjectBySlug, listSourceFilesByRepository, migrate, openPgliteDatabase, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { discoverFiles, extractFileOutcomes } from "@/lib/extract";
import { extractIncrementally, hashPresentFiles, ingestExtraction } from "@/lib/ingest";
import { buildCorpus } from "./support/bench-corpus";

const repository = path.resolve(import.meta.dirname, "../..");
const pythonMaxBytes = Number(process.env.BENCH_PYTHON_MAX_MB ?? 6) * 1024 * 1024;
const embedder = createBuiltinProvider();

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

async function ingestOnce(database: Database, projectId: string, folder: string) {
  const clock = { start: performance.now(), extract: 0 };
  const lap = () => performance.now();
  const discovery = await discoverFiles({ paths: [folder], cwd: folder });
  const tasks = new Map(discovery.files.map((file) => [file.file, file]));
  const { present } = await hashPresentFiles(discovery.files);
  const hashed = lap();
  const stored = await asService(database, (transaction) => listSourceFilesByRepository({ transaction, projectId, repository: "" }));
  const read = lap();
  const incremental = await extractIncrementally({
    stored, present, scope: [""],
    extract: async (files) => {
      const started = lap();
      const { outcomes } = await extractFileOutcomes({ files: files.map((file) => tasks.get(file.file)!), jobs: os.availableParallelism() });
      clock.extract = lap() - started;
      return outcomes;
    },
  });
  const assembled = lap();
  const summary = await ingestExtraction({ database, claims: "service_role", projectId, result: incremental.result, embedder, scope: [""], sourceFiles: incremental.sourceFiles });
  const end = lap();
  return {
    files: incremental.files,
    patterns: summary.patterns,
    occurrences: summary.occurrences,
    ms: {
      total: Math.round(end - clock.start),
      discover_and_hash: Math.round(hashed - clock.start),
      read_stored: Math.round(read - hashed),
      extract_changed: Math.round(clock.extract),
      cluster_all: Math.round(assembled - read - clock.extract),
      write: Math.round(end - assembled),
      write_phases: summary.timings_ms,
    },
  };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-bench-reingest-"));
try {
  const corpus = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: pythonMaxBytes });
  const database = await openPgliteDatabase(path.join(scratch, "pgdata"));
  await migrate(database, { embedded: true });
  const projectId = (await asService(database, (transaction) => ensureProjectBySlug({ transaction, slug: "bench", name: "bench" }))).id;
  const full = await ingestOnce(database, projectId, corpus.folder);
  // A file of the corpus (the sample varies with the installed Python) gains a function.
  const [first] = (await discoverFiles({ paths: [corpus.folder], cwd: corpus.folder })).files;
  const changed = first.path;
  appendFileSync(changed, [
    "", "", "def retry_call(function, attempts=3):",
    "    \"\"\"Call function, retrying on OSError up to attempts times.\"\"\"",
    "    for attempt in range(attempts):", "        try:", "            return function()", "        except OSError:",
    "            if attempt == attempts - 1:", "                raise", "",
  ].join("\n"));
  const oneFile = await ingestOnce(database, projectId, corpus.folder);
  const nothing = await ingestOnce(database, projectId, corpus.folder);
  await database.close();
  const report = { corpus: { files: corpus.files, lines: corpus.lines, bytes: corpus.bytes }, changed_file: path.relative(corpus.folder, changed), full, one_file_changed: oneFile, nothing_changed: nothing, cores: os.availableParallelism(), node: process.version };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  mkdirSync(path.join(repository, "tests/bench/results"), { recursive: true });
  writeFileSync(path.join(repository, "tests/bench/results/reingest.json"), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
