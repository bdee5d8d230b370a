// `npm run bench:reingest:server`: `motif ingest` of the Python bench corpus (the standard
// library, capped at 6 MB as in bench:extract) while `motif serve` runs on its data dir, timed
// end to end (CLI process start to exit) after ONE file changed. The server is this checkout's;
// the CLIs alternate between this checkout's (the server extracts and clusters what changed
// with its warm memory) and, when BENCH_BASELINE_HOME names another checkout (say one at the
// commit before), that one's (the CLI clusters the whole repository in its own process and
// sends the result), so before and after come from the same run on the same server.
// Wall and CPU (user + sys, from /usr/bin/time) of each CLI process, CPU of the server process
// while it ran (/proc), and the load average. Figures to stdout and
// tests/bench/results/reingest-server.json. BENCH_ROUNDS (default 3) rounds.
// Since session 12 also what a user meets after a server (re)start: how long the server takes to
// build its memory of the repository after the full ingest and after a restart (its log says so),
// the first re-ingest after each, one sent right after a restart's "ready" (it waits for that
// build), and, with the server stopped, `motif ingest` as a fresh process (MOTIF_PHASE_TIMINGS:
// its phases). BENCH_HOME: the checkout whose server and CLI run (default this one), so that a
// run of the commit before gives the baseline in the same minutes.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { discoverFiles } from "@/lib/extract";
import { buildCorpus } from "./support/bench-corpus";

const repository = path.resolve(import.meta.dirname, "../..");
const home = path.resolve(process.env.BENCH_HOME ?? repository);
const builtPattern = /memory of repository .* built/;
const baselineHome = process.env.BENCH_BASELINE_HOME;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const pythonMaxBytes = Number(process.env.BENCH_PYTHON_MAX_MB ?? 6) * 1024 * 1024;
const ticksPerSecond = 100; // USER_HZ on Linux

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// CPU seconds a process has used so far (its threads included), from /proc.
function processCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function environmentFor(dataDir: string): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: dataDir };
  delete environment.DATABASE_URL; // embedded: the server owns the data dir
  delete environment.SUPABASE_DB_URL;
  delete environment.MOTIF_HOME;
  return environment;
}

async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/motif", "serve", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: home, env: environmentFor(dataDir), stdio: ["ignore", "ignore", "pipe"],
  });
  const log: Array<{ line: string; at: number }> = [];
  const waiting = new Set<() => void>();
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    log.push({ line, at: performance.now() });
    if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, `${line}\n`);
    for (const wake of waiting) wake();
  });
  // The time of the first log line after `since` matching `pattern`, or null after `timeoutMs`.
  const lineAfter = (pattern: RegExp, since: number, timeoutMs: number) => new Promise<number | null>((resolve) => {
    const check = () => {
      const found = log.find((entry) => entry.at >= since && pattern.test(entry.line));
      if (!found) return false;
      waiting.delete(wake);
      clearTimeout(timer);
      resolve(found.at);
      return true;
    };
    const wake = () => void check();
    const timer = setTimeout(() => { waiting.delete(wake); resolve(null); }, timeoutMs);
    waiting.add(wake);
    check();
  });
  const started = performance.now();
  const exited = new Promise<never>((_resolve, reject) => child.once("exit", () => reject(new Error(`motif serve exited:\n${log.map((entry) => entry.line).join("\n")}`))));
  exited.catch(() => undefined);
  const ready = await Promise.race([lineAfter(/ready on /, started, 600_000), exited]);
  if (ready === null) throw new Error(`motif serve did not start:\n${log.map((entry) => entry.line).join("\n")}`);
  return {
    pid: child.pid!, readyAt: ready, lineAfter,
    stop: () => new Promise<void>((resolve) => { child.removeAllListeners("exit"); child.once("exit", () => resolve()); child.kill("SIGTERM"); }),
  };
}

// Waits for the server's log to say its memory of the repository is built (none said within
// the timeout: null, e.g. a server from before session 12): seconds from `since`, and the server's CPU meanwhile.
async function memoryBuilt(server: Awaited<ReturnType<typeof startServer>>, since: number, cpuBefore: number) {
  const at = await server.lineAfter(builtPattern, since, Number(process.env.BENCH_WARM_TIMEOUT_MS ?? 120_000));
  return at === null ? null : { after_s: Number(((at - since) / 1000).toFixed(3)), server_cpu_s: Number((processCpu(server.pid) - cpuBefore).toFixed(2)) };
}

type Server = Awaited<ReturnType<typeof startServer>>;

// One `motif ingest` as its own process: wall from here, CPU from /usr/bin/time, the server's CPU meanwhile.
function ingest(home: string, corpus: string, dataDir: string, serverPid: number | undefined) {
  const serverBefore = serverPid === undefined ? 0 : processCpu(serverPid);
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "time %e %U %S", process.execPath, path.join(home, "bin/motif"), "ingest", ".", "--project", "bench", "--json"], {
    cwd: corpus, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...environmentFor(dataDir), MOTIF_PHASE_TIMINGS: "1" },
  });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`motif ingest (${home}) failed: ${run.stderr}`);
  const [, , user, system] = /time (\S+) (\S+) (\S+)/.exec(run.stderr)!.map(Number);
  const summary = JSON.parse(run.stdout) as { files: unknown; staged: string; patterns: unknown; server_ms?: unknown };
  const serverCpu = serverPid === undefined ? null : Number((processCpu(serverPid) - serverBefore).toFixed(2));
  // The CLI's phases (MOTIF_PHASE_TIMINGS), kept for a process without a server: where its time goes.
  const phases = serverPid !== undefined ? undefined : Object.fromEntries(run.stderr.split("\n").flatMap((line) => {
    const match = /^(.+?)\s+(\d+) ms wall\s+(\d+) ms cpu$/.exec(line.trim());
    return match ? [[match[1], { wall: Number(match[2]), cpu: Number(match[3]) }]] : [];
  }));
  return { wall_s: Number(wall.toFixed(3)), cli_cpu_s: Number((user + system).toFixed(2)), server_cpu_s: serverCpu, files: summary.files, staged: summary.staged, patterns: summary.patterns, server_ms: summary.server_ms ?? null, ...(phases ? { phases_ms: phases } : {}) };
}

const loadBefore = os.loadavg();
const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-bench-reingest-server-"));
try {
  const corpus = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: pythonMaxBytes });
  const dataDir = path.join(scratch, "data");
  let server: Server | undefined = await startServer(dataDir);
  try {
    const full = ingest(home, corpus.folder, dataDir, server.pid);
    // From the full ingest's end (its answer): the server builds its memory of the repository in the background.
    const afterFull = await memoryBuilt(server, performance.now(), processCpu(server.pid));
    const [first] = (await discoverFiles({ paths: [corpus.folder], cwd: corpus.folder })).files;
    let appended = 0;
    const changeOneFile = () => appendFileSync(first.path, [
      "", "", `def retry_call_${appended++}(function, attempts=3):`, "    for attempt in range(attempts):", "        try:",
      "            return function()", "        except OSError:", "            if attempt == attempts - 1:", "                raise", "",
    ].join("\n"));
    const runs: Array<{ cli: string; round: number } & ReturnType<typeof ingest>> = [];
    for (let round = 1; round <= rounds; round++) {
      for (const [cli, cliHome] of [["this checkout", home], ...(baselineHome ? [["baseline", baselineHome]] : [])] as const) {
        changeOneFile();
        runs.push({ cli, round, ...ingest(cliHome, corpus.folder, dataDir, server.pid) });
      }
    }
    const unchanged = ingest(home, corpus.folder, dataDir, server.pid);
    // A restart: the server's memory is gone; it builds it again once it listens, before the next ingest.
    await server.stop();
    server = await startServer(dataDir);
    const restartBuilt = await memoryBuilt(server, server.readyAt, 0);
    changeOneFile();
    const afterRestart = ingest(home, corpus.folder, dataDir, server.pid);
    // Another restart, the ingest sent as soon as the server is ready (it waits for the memory being built).
    await server.stop();
    server = await startServer(dataDir);
    changeOneFile();
    const rightAfterRestart = ingest(home, corpus.folder, dataDir, server.pid);
    await server.stop();
    server = undefined;
    // No server: `motif ingest` opens the data dir itself, twice (the second reads the memory file the first left).
    const fresh = [];
    for (let run = 0; run < 2; run++) {
      changeOneFile();
      fresh.push(ingest(home, corpus.folder, dataDir, undefined));
    }
    const report = {
      corpus: { files: corpus.files, lines: corpus.lines, bytes: corpus.bytes }, changed_file: path.relative(corpus.folder, first.path),
      home, baseline: baselineHome ?? null, full, memory_built_after_full_ingest: afterFull, one_file_changed: runs, nothing_changed: unchanged,
      memory_built_after_restart: restartBuilt, one_file_changed_after_restart: afterRestart, one_file_changed_right_after_restart: rightAfterRestart,
      one_file_changed_fresh_process: fresh,
      cores: os.availableParallelism(), node: process.version, load: { before: loadBefore, after: os.loadavg() },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    mkdirSync(path.join(repository, "tests/bench/results"), { recursive: true });
    writeFileSync(path.join(repository, "tests/bench/results/reingest-server.json"), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await server?.stop();
  }
} finally {
  // BENCH_KEEP_SCRATCH=1 keeps the corpus and the data dir (to try things on them by hand).
  if (process.env.BENCH_KEEP_SCRATCH) process.stdout.write(`kept ${scratch}\n`);
  else rmSync(scratch, { recursive: true, force: true });
}
