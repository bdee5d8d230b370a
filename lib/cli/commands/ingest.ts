import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import type { SourceFileRow } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import type { IncrementalFileCounts, IngestSummary } from "@/lib/ingest";
import { getEnvironment } from "@/lib/env";
import { useBatchJitFlags } from "../batch-jit-flags";
import { createPhaseTimer } from "../phase-timer";
import { ingestProgressBar, readProgressStream } from "../ingest-progress-bar";
import { parseOptions } from "../parse-options";
import { databaseIdentity, readAdvertisedServer, readLockOwner, readOperatorToken } from "@/lib/env";
import type { DataDirOwner } from "../owner-request";
import type { SendChangesOptions, ServerTransport } from "../send-changes-to-server";
import type { PhaseTimer } from "../phase-timer";
import type { ExtractionFailure } from "@/lib/domain";
import type { Discovery } from "@/lib/extract/discover";
import type { IngestProgress, PresentFile } from "@/lib/ingest";
import type { FileHashCache } from "@/lib/ingest/client";
import { describeDirect, describeSummary, describeViaServer, type DescribeAnswer } from "./describe";

const ingestOptionsSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2-63 lowercase letters, digits and dashes"),
  json: z.boolean().default(false),
  jobs: z.coerce.number().int().min(1).max(256),
  repository: z.string().max(300).default(""),
  coverage: z.string().min(1).optional(),
  commit: z.string().regex(/^[0-9a-f]{7,64}$/, "must be a hex commit sha").optional(),
  root: z.string().min(1).optional(),
  // --describe alone describes up to 50 patterns; --describe N up to N.
  describe: z.union([z.literal(true), z.coerce.number().int().min(1).max(10_000)]).optional(),
});

type IngestResult = IngestSummary & { project: { slug: string; created: boolean }; files: IncrementalFileCounts; root: string; described?: DescribeAnswer | { state: "skipped"; reason: string } };


function printSummary(result: IngestResult): void {
  const { patterns, occurrences, relationships } = result;
  process.stdout.write(
    `${result.project.created ? "Created" : "Updated"} project ${result.project.slug}\n` +
      `Patterns: ${patterns.received} extracted, ${patterns.created} new, ${patterns.updated} changed, ${patterns.unchanged} unchanged\n` +
      `Occurrences: ${occurrences.received} found, ${occurrences.added} added, ${occurrences.moved} moved, ` +
      `${occurrences.revived} back, ${occurrences.removed} gone\n` +
      `Relationships: ${relationships.created} new, ${relationships.updated} changed, ${relationships.removed} gone; ${result.events} events; ` +
      `${result.embedded} embedded with ${result.embedding_model} in ${(result.timings_ms.total / 1000).toFixed(1)} s\n`,
  );
  // A project the CLI makes has no members: nobody sees it in the dashboard until one is added.
  if (result.project.created) process.stdout.write(`To see it in the dashboard: motif projects add-member ${result.project.slug} <your sign-up email>\n`);
}

function folderOf(absolutePath: string): string {
  return existsSync(absolutePath) && statSync(absolutePath).isDirectory() ? absolutePath : path.dirname(absolutePath);
}

function isInside(folder: string, absolutePath: string): boolean {
  const relative = path.relative(folder, absolutePath);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

// The deepest folder holding every given path (`/a/b` for `/a/b/c` and `/a/b/d/e.py`).
function commonFolder(absolutePaths: readonly string[]): string {
  let common = folderOf(absolutePaths[0]);
  while (!absolutePaths.every((absolutePath) => isInside(common, absolutePath))) common = path.dirname(common);
  return common;
}

// Occurrence paths are relative to the repository root, whatever folder the command runs in:
// the git repository holding the first path; outside any repository the current folder when
// it holds every path, else the folder the paths share (`motif ingest ~/code/lib` from anywhere).
function repositoryRoot(paths: readonly string[], given: string | undefined, findRoot: (start: string) => string | undefined): string {
  const cwd = process.cwd();
  if (given) return path.resolve(cwd, given);
  const absolutePaths = (paths.length > 0 ? paths : ["."]).map((entry) => path.resolve(cwd, entry));
  const found = findRoot(folderOf(absolutePaths[0]));
  if (found) return found;
  return absolutePaths.every((absolutePath) => isInside(cwd, absolutePath)) ? cwd : commonFolder(absolutePaths);
}

function checkInsideRoot(absolutePaths: readonly string[], root: string): void {
  for (const given of absolutePaths) {
    if (!isInside(root, given)) {
      throw new MotifError("bad_request:input", `${given} is outside the repository root ${root}; run from inside the repository or pass --root`);
    }
  }
}

// The ingest stands whatever happens to the descriptions after it: a missing provider or a
// failing model is reported beside the ingest's summary, not as a failed ingest.
async function describeAfterIngest(describe: () => Promise<DescribeAnswer>): Promise<DescribeAnswer | { state: "skipped"; reason: string }> {
  try {
    return await describe();
  } catch (error) {
    if (error instanceof MotifError) return { state: "skipped", reason: error.message };
    throw error;
  }
}

// The `motif serve` this command's database is served by, when one runs on this machine and left
// its operator token: the owner of the embedded data dir, or (DATABASE_URL) the one on the same database.
function runningServer(): DataDirOwner | undefined {
  const environment = getEnvironment();
  const server = environment.mode === "embedded" ? readLockOwner(environment.dataDir) : readAdvertisedServer(environment.dataDir, databaseIdentity(environment));
  const token = server?.url && server.pid !== process.pid ? readOperatorToken(environment.dataDir) : undefined;
  return server?.url && token ? { url: server.url, token } : undefined;
}

function printResult(result: IngestResult, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printSummary(result);
  if (!json && result.described) {
    process.stdout.write(`${result.described.state === "skipped" ? `Not described: ${result.described.reason}` : describeSummary(result.project.slug, result.described)}\n`);
  }
}

async function runIngest(paths: string[], rawOptions: unknown): Promise<void> {
  const timer = createPhaseTimer();
  timer.lap("node start, CLI loaded");
  const options = parseOptions(ingestOptionsSchema, rawOptions);
  useBatchJitFlags();
  const bar = ingestProgressBar(!options.json && process.stderr.isTTY === true);
  // Discovery and hashing first, with only what they need: through a running server nothing else loads.
  const [{ discoverFiles }, client] = await Promise.all([import("@/lib/extract/discover"), import("@/lib/ingest/client")]);
  const root = repositoryRoot(paths, options.root, client.findRepositoryRoot);
  const absolutePaths = paths.map((given) => path.resolve(process.cwd(), given));
  checkInsideRoot(absolutePaths, root);
  const server = options.coverage === undefined ? runningServer() : undefined;
  // Through a server, its listing is asked for while the files are found and hashed.
  const sending = server && prepareSending(server, { project: options.project, repository: options.repository });
  const discovery = await discoverFiles({ paths: absolutePaths, cwd: root });
  const tasks = new Map(discovery.files.map((file) => [file.file, file]));
  // Through a server, files whose stat is unchanged since the last run are not read again (the
  // server's stored ids still win: a file listed at another id is read before anything is sent).
  const hashCache = server && client.FileHashCache.open(fileHashFolder(getEnvironment()), root);
  const hashingStarted = Date.now();
  const hashed = await client.hashPresentFiles(discovery.files, hashCache);
  timer.lap("files found and hashed");
  const scope = client.ingestScope(absolutePaths, root);
  const request = { slug: options.project, repository: options.repository, scope, commitSha: options.commit };
  const describeLimit = options.describe === true ? 50 : options.describe;
  const failures = [...discovery.failures, ...hashed.failures];
  // The server extracts what changed and clusters with its warm memory of the repository.
  const sent = sending && await sendToServer({ sending, request, failures, timer, onProgress: bar.report, onHashCorrected: (file) => hashCache?.forget(file),
    present: hashed.present.map((file) => ({ ...file, path: tasks.get(file.file)!.path, language: tasks.get(file.file)!.language })) });
  // Past one request's bounds, with a coverage report, or with no server: this process extracts and clusters.
  const result: IngestResult = sent
    ? { ...sent, root, ...(describeLimit ? { described: await describeAfterIngest(() => describeThroughOwner(request.slug, describeLimit)) } : {}) }
    // Extracted here, a file's id must be that of the bytes read: none taken from the cache.
    : await ingestHere({ request, root, options, discovery, hashed: hashCache ? await client.hashPresentFiles(discovery.files) : hashed, describeLimit, timer, bar });
  timer.lap("database closed");
  // Kept only once the server took the ingest: hashes it never compared are not kept.
  if (hashCache && sent) saveHashCache(hashCache, hashingStarted);
  if (getEnvironment().MOTIF_PHASE_TIMINGS) process.stderr.write(`${timer.report()}\n`);
  bar.stop();
  printResult(result, options.json);
}

// Where `motif ingest` keeps its file hash caches (one file per repository root): local files, so not per database.
function fileHashFolder(environment: { dataDir: string }): string {
  return path.join(environment.dataDir, "file-hashes");
}

// The ingest stands without its cache: a cache that cannot be written only costs the next run a full hashing.
function saveHashCache(cache: FileHashCache, startedMs: number): void {
  try {
    cache.save(startedMs);
  } catch (error) {
    process.stderr.write(`motif: the file hash cache was not kept (${(error as Error).message}); the next ingest reads every file\n`);
  }
}

// The send's modules and transport, and the server's listing already on its way (a failure of
// either surfaces when the send awaits them: no rejection is left unhandled meanwhile).
function prepareSending(server: DataDirOwner, target: { project: string; repository: string }) {
  const prepared = (async () => {
    const [{ sendChangesToServer, listStoredFiles }, { ownerJson, ownerStream }] = await Promise.all([import("../send-changes-to-server"), import("../owner-request")]);
    const transport: ServerTransport = { json: (where, init) => ownerJson(server, where, init), stream: (where, init) => ownerStream(server, where, init) };
    const listing = listStoredFiles(transport, target);
    listing.catch(() => undefined);
    return { sendChangesToServer, transport, listing };
  })();
  prepared.catch(() => undefined);
  return prepared;
}

async function sendToServer(options: { sending: ReturnType<typeof prepareSending>; request: IngestRequest; failures: ExtractionFailure[]; present: SendChangesOptions["present"]; timer: PhaseTimer; onProgress: (progress: IngestProgress) => void; onHashCorrected: (file: string) => void }) {
  const { sendChangesToServer, transport, listing } = await options.sending;
  const { request } = options;
  return sendChangesToServer({
    server: transport, listing,
    request: { project: request.slug, repository: request.repository, scope: request.scope, commit_sha: request.commitSha },
    present: options.present, failures: options.failures, onProgress: options.onProgress, onPhase: (phase) => options.timer.lap(phase),
    onHashCorrected: options.onHashCorrected,
  });
}

async function describeThroughOwner(slug: string, limit: number): Promise<DescribeAnswer> {
  const { withDatabaseAccess } = await import("../database-access");
  return withDatabaseAccess({
    direct: (database) => describeDirect({ database, slug, limit }),
    viaServer: (fetchOwner) => describeViaServer(fetchOwner, slug, limit),
  });
}

type IngestRequest = { slug: string; repository: string; scope: string[]; commitSha?: string };

// The ingest in this process: extracts the changed files and clusters the whole repository here,
// then writes into the database it opens, or sends the result to the server that owns it.
async function ingestHere(context: {
  request: IngestRequest; root: string; options: z.infer<typeof ingestOptionsSchema>; discovery: Discovery;
  hashed: { present: PresentFile[]; failures: ExtractionFailure[] }; describeLimit: number | undefined; timer: PhaseTimer;
  bar: ReturnType<typeof ingestProgressBar>;
}): Promise<IngestResult> {
  const { request, root, options, discovery, hashed, describeLimit, timer, bar } = context;
  // Loaded on use, so that `motif --help` and other commands start fast.
  const [{ createEmbeddingProvider }, extract, ingest, { withDatabaseAccess }, { readCoverageReport }] = await Promise.all([
    import("@/lib/embed"), import("@/lib/extract"), import("@/lib/ingest"), import("../database-access"), import("@/lib/quality"),
  ]);
  timer.lap("ingest modules loaded");
  const tasks = new Map(discovery.files.map((file) => [file.file, file]));
  const coverage = options.coverage === undefined ? undefined : await readCoverageReport(path.resolve(process.cwd(), options.coverage));
  const scope = request.scope;
  const extractChanged = (stored: SourceFileRow[]) => ingest.extractIncrementally({
    stored, present: hashed.present, scope, coverage, failures: [...discovery.failures, ...hashed.failures],
    extract: async (files) => (await extract.extractFileOutcomes({
      files: files.map((file) => tasks.get(file.file)!), jobs: options.jobs,
      onProgress: (progress) => bar.report({ phase: "extracting", done: progress.done, total: progress.total }),
    })).outcomes,
  });
  return withDatabaseAccess<IngestResult>({
    direct: async (database) => {
      timer.lap("database opened");
      const storedRows = await ingest.storedSourceFilesAsOperator({ database, slug: request.slug, repository: request.repository });
      timer.lap("stored files listed");
      const incremental = await extractChanged(storedRows);
      timer.lap("extracted and clustered");
      const summary = await ingest.ingestAsOperator({
        database, ...request, result: incremental.result, sourceFiles: incremental.sourceFiles, embedder: createEmbeddingProvider(),
        onProgress: bar.report,
        // The next `motif ingest` of this repository (another process) writes only its difference.
        memoryFolder: ingest.ingestMemoryFolder(getEnvironment()),
        onMemoryNotKept: (error) => process.stderr.write(`motif: the repository's ingest memory was not kept (${error.message}); the next ingest writes everything\n`),
      });
      timer.lap("written");
      return { ...summary, files: incremental.files, root, ...(describeLimit ? { described: await describeAfterIngest(() => describeDirect({ database, slug: request.slug, limit: describeLimit })) } : {}) };
    },
    viaServer: async (fetchOwner) => {
      const query = new URLSearchParams({ project: request.slug, repository: request.repository });
      const stored = (await (await fetchOwner(`/api/operator/source-files?${query}`)).json()) as { files: SourceFileRow[] };
      const incremental = await extractChanged(stored.files);
      const body = {
        project: request.slug, repository: request.repository, scope: request.scope, commit_sha: request.commitSha,
        result: ingest.slimForIngest(incremental.result), source_files: incremental.sourceFiles,
      };
      // The server streams the ingest's progress (staging, embedding, writing), then the summary.
      const response = await fetchOwner("/api/operator/ingest", {
        method: "POST", headers: { "content-type": "application/json", accept: "application/x-ndjson" }, body: JSON.stringify(body),
      });
      const ingested = await readProgressStream<IngestResult>(response, bar.report);
      return { ...ingested, files: incremental.files, root, ...(describeLimit ? { described: await describeAfterIngest(() => describeViaServer(fetchOwner, request.slug, describeLimit)) } : {}) };
    },
  });
}

/** `motif ingest <path...> --project <slug>`: extract, embed and store patterns in a project. */
export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("Extract patterns from code and store them in a project (created if new); re-ingesting the same code changes nothing")
    .argument("<path...>", "files or folders (folders honour .gitignore); stored paths are relative to the repository root")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--json", "print the ingest summary as JSON")
    .option("-j, --jobs <n>", "worker threads for extraction", String(os.availableParallelism()))
    .option("--repository <name>", "repository name, when a project holds several", "")
    .option("--coverage <file>", "test coverage report (lcov, coverage.py JSON or Cobertura XML)")
    .option("--commit <sha>", "commit the code is at, stored with new occurrences")
    .option("--root <folder>", "repository root that stored paths are relative to (default: the git root, else the working directory)")
    .option("--describe [n]", "then have a language model describe up to n patterns (default 50), as motif describe does")
    .action(runIngest);
}
