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
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { discoverFiles } from "@/lib/extract";
import { buildCorpus } from "./support/bench-corpus";

const repository = path.resolve(import.meta.dirname, "../..");
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
    cwd: repository, env: environmentFor(dataDir), stdio: ["ignore", "ignore", "pipe"],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`motif serve did not start:\n${log.join("\n")}`)), 600_000);
    child.once("exit", () => reject(new Error(`motif serve exited:\n${log.join("\n")}`)));
    readline.createInterface({ input: child.stderr! }).on("line", (line) => {
      log.push(line);
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, `${line}\n`);
      if (/ready on /.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { pid: child.pid!, stop: () => new Promise<void>((resolve) => { child.once("exit", () => resolve()); child.kill("SIGTERM"); }) };
}

// One `motif ingest` as its own process: wall from here, CPU from /usr/bin/time, the server's CPU meanwhile.
function ingest(home: string, corpus: string, dataDir: string, serverPid: number) {
  const serverBefore = processCpu(serverPid);
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "time %e %U %S", process.execPath, path.join(home, "bin/motif"), "ingest", ".", "--project", "bench", "--json"], {
    cwd: corpus, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: environmentFor(dataDir),
  });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`motif ingest (${home}) failed: ${run.stderr}`);
  const [, , user, system] = /time (\S+) (\S+) (\S+)/.exec(run.stderr)!.map(Number);
  const summary = JSON.parse(run.stdout) as { files: unknown; staged: string; patterns: unknown };
  return { wall_s: Number(wall.toFixed(3)), cli_cpu_s: Number((user + system).toFixed(2)), server_cpu_s: Number((processCpu(serverPid) - serverBefore).toFixed(2)), files: summary.files, staged: summary.staged, patterns: summary.patterns };
}

const loadBefore = os.loadavg();
const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-bench-reingest-server-"));
try {
  const corpus = await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: pythonMaxBytes });
  const dataDir = path.join(scratch, "data");
  const server = await startServer(dataDir);
  try {
    const full = ingest(repository, corpus.folder, dataDir, server.pid);
    const [first] = (await discoverFiles({ paths: [corpus.folder], cwd: corpus.folder })).files;
    let appended = 0;
    const changeOneFile = () => appendFileSync(first.path, [
      "", "", `def retry_call_${appended++}(function, attempts=3):`, "    for attempt in range(attempts):", "        try:",
      "            return function()", "        except OSError:", "            if attempt == attempts - 1:", "                raise", "",
    ].join("\n"));
    const runs: Array<{ cli: string; round: number } & ReturnType<typeof ingest>> = [];
    for (let round = 1; round <= rounds; round++) {
      for (const [cli, home] of [["this checkout", repository], ...(baselineHome ? [["baseline", baselineHome]] : [])] as const) {
        changeOneFile();
        runs.push({ cli, round, ...ingest(home, corpus.folder, dataDir, server.pid) });
      }
    }
    const unchanged = ingest(repository, corpus.folder, dataDir, server.pid);
    const report = {
      corpus: { files: corpus.files, lines: corpus.lines, bytes: corpus.bytes }, changed_file: path.relative(corpus.folder, first.path),
      baseline: baselineHome ?? null, full, one_file_changed: runs, nothing_changed: unchanged,
      cores: os.availableParallelism(), node: process.version, load: { before: loadBefore, after: os.loadavg() },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    mkdirSync(path.join(repository, "tests/bench/results"), { recursive: true });
    writeFileSync(path.join(repository, "tests/bench/results/reingest-server.json"), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
