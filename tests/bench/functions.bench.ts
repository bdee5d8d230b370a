// `npm run bench:functions`: cold and warm latency of each edge function (real Deno behind
// `motif serve`, embedded mode) beside the same operation through the Next.js route, in the
// same run on the same server: ingest ↔ POST /api/v1/extract, match ↔ POST
// /api/v1/patterns/match; extract has no route that only extracts (reported alone). "Cold" is
// the first request after a fresh `motif serve` said it was ready (Deno has imported the
// functions by then; their grammars, embedder tables and connections load on first use, as
// Next's route modules do); each cold run is a new server on a new data dir. Warm requests
// alternate function and route. Figures go to stdout and tests/bench/results/functions.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveMotif, type ServedMotif } from "@/tests/support/serve-motif";
import { latencyStats } from "./support/latency-stats";
import { childProcessId, processCpuMs } from "./support/process-cpu";

const repository = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_FUNCTIONS_PORT ?? 41731);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 3);
const warmRuns = Number(process.env.BENCH_WARM_RUNS ?? 30);
const fixtureRoot = path.join(repository, "tests/fixtures/repos");
const intent = { intent: "retry a flaky call with exponential backoff", limit: 5 };
type Operation = "extract function" | "ingest function" | "ingest route" | "match function" | "match route";

function fixtureFiles(): Array<{ path: string; content: string }> {
  const root = path.join(fixtureRoot, "python-service");
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => path.relative(fixtureRoot, path.join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => ({ path: file, content: fs.readFileSync(path.join(fixtureRoot, file), "utf8") }));
}

async function post(motif: ServedMotif, pathname: string, token: string, body: unknown): Promise<{ status: number; ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(`${motif.url}${pathname}`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  const answer = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 201) throw new Error(`${pathname} answered ${response.status}: ${JSON.stringify(answer)}`);
  return { status: response.status, ms, body: answer };
}

async function prepare(motif: ServedMotif) {
  const { body } = await post(motif, "/api/v1/auth/sign-up", "", { email: "bench@example.com", password: "correct horse battery" });
  const token = (body as { access_token: string }).access_token;
  for (const slug of ["via-function", "via-route"]) await post(motif, "/api/v1/projects", token, { name: slug, slug });
  return token;
}

function operations(token: string, files: ReturnType<typeof fixtureFiles>): Array<[Operation, (motif: ServedMotif) => Promise<number>]> {
  const timed = (pathname: string, body: unknown) => async (motif: ServedMotif) => (await post(motif, pathname, token, body)).ms;
  return [
    ["extract function", timed("/functions/v1/extract", { files })],
    ["ingest function", timed("/functions/v1/ingest", { project: "via-function", files })],
    ["ingest route", timed("/api/v1/extract", { project: "via-route", files })],
    ["match function", timed("/functions/v1/match", { project: "via-function", ...intent })],
    ["match route", timed("/api/v1/patterns/match", { project: "via-route", ...intent })],
  ];
}

async function main(): Promise<void> {
  const files = fixtureFiles();
  const cold: Record<Operation, number[]> = { "extract function": [], "ingest function": [], "ingest route": [], "match function": [], "match route": [] };
  const warm: Record<Operation, number[]> = { "extract function": [], "ingest function": [], "ingest route": [], "match function": [], "match route": [] };
  const denoStartupMs: number[] = [];
  // CPU the Deno process spent per function request (warm), beside the runtime's 2 s.
  const denoCpu: Partial<Record<Operation, number[]>> = {};
  for (let run = 0; run < coldRuns; run++) {
    const motif = await serveMotif({ port });
    try {
      const startup = motif.log.map((line) => /started in (\d+) ms/.exec(line)?.[1]).find(Boolean);
      if (startup) denoStartupMs.push(Number(startup));
      const steps = operations(await prepare(motif), files);
      for (const [name, step] of steps) cold[name].push(await step(motif));
      const deno = childProcessId(motif.pid, "serve-locally.ts");
      // Warm figures from the last server only: the others exist for their cold requests.
      if (run === coldRuns - 1) {
        for (let round = 0; round < warmRuns; round++) {
          for (const [name, step] of steps) {
            const cpuBefore = processCpuMs(deno);
            warm[name].push(await step(motif));
            if (name.endsWith("function")) (denoCpu[name] ??= []).push(processCpuMs(deno) - cpuBefore);
          }
        }
      }
    } finally {
      await motif.stop();
    }
  }
  const rows = (Object.keys(cold) as Operation[]).map((name) => ({
    operation: name,
    coldMs: cold[name].map(Math.round),
    warm: latencyStats(warm[name]),
    denoCpuMs: denoCpu[name] ? latencyStats(denoCpu[name]) : null,
  }));
  console.log(`| operation | cold ms (${coldRuns} servers) | warm p50 ms | warm p95 ms | warm mean ms | Deno CPU per request, mean ms |`);
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.operation} | ${row.coldMs.join(", ")} | ${row.warm.p50} | ${row.warm.p95} | ${row.warm.mean} | ${row.denoCpuMs?.mean ?? "—"} |`);
  console.log(`Deno start to listening: ${denoStartupMs.map(Math.round).join(", ")} ms; ${files.length} files (${files.reduce((sum, file) => sum + file.content.length, 0)} characters) per extract/ingest`);
  fs.writeFileSync(path.join(repository, "tests/bench/results/functions.json"), `${JSON.stringify({
    ranAt: new Date().toISOString(), cores: os.availableParallelism(), loadAverage: os.loadavg(), coldRuns, warmRuns, files: files.length, denoStartupMs, rows,
  }, null, 2)}\n`);
}

await main();
