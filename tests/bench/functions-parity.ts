// `npm run bench:functions-parity`: the `extract` edge function under real Deno (through
// `motif serve`) against the Node CLI (`motif extract --json --jobs 1`) on the extraction
// bench's corpora (bench:extract's Python standard library and TS/JS packages), in batches
// whose request body stays within the function's 2 MB. Each batch's JSON must be the same
// bytes (after zeroing stats.durationMs); it also records the Deno process's CPU per batch
// beside the runtime's 2 s. Figures go to stdout and tests/bench/results/functions-parity.json.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { functionLimits } from "@/lib/domain";
import { discoverFiles } from "@/lib/extract/discover";
import { decodeSource } from "@/lib/extract/pipeline/decode-source";
import { serveMotif } from "@/tests/support/serve-motif";
import { buildCorpus, type BenchCorpus } from "./support/bench-corpus";
import { childProcessId, processCpuMs } from "./support/process-cpu";

const repository = path.resolve(import.meta.dirname, "../..");
const megabyte = 1024 * 1024;
const port = Number(process.env.BENCH_FUNCTIONS_PORT ?? 41721);
const scriptPackages = ["zod/src", "openai/src", "@tanstack/query-core/src", "eslint/lib", "commander/lib"];
type BodyFile = { path: string; content?: string; content_base64?: string };

function pythonStdlib(): string {
  const found = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("python3 is needed to find the standard library");
  return found.stdout.trim();
}

// Text where the bytes are plain UTF-8 (smaller on the wire); the bytes themselves otherwise
// (a PEP 263 declaration), so the function decodes exactly what the CLI reads.
function bodyFile(folder: string, file: string, language: Parameters<typeof decodeSource>[1]): BodyFile {
  const bytes = readFileSync(path.join(folder, file));
  const decoded = decodeSource(bytes, language);
  const plain = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if ("source" in decoded && decoded.source === plain) return { path: file, content: plain };
  return { path: file, content_base64: bytes.toString("base64") };
}

async function batchesOf(corpus: BenchCorpus): Promise<BodyFile[][]> {
  const discovery = await discoverFiles({ paths: ["."], cwd: corpus.folder });
  const limit = functionLimits.extract.maxBodyBytes - 1024;
  const batches: BodyFile[][] = [[]];
  let size = 12;
  for (const file of discovery.files) {
    const entry = bodyFile(corpus.folder, file.file, file.language);
    const entrySize = Buffer.byteLength(JSON.stringify(entry)) + 1;
    const current = batches[batches.length - 1];
    if (current.length > 0 && (size + entrySize > limit || current.length >= functionLimits.extract.maxFiles)) {
      batches.push([]);
      size = 12;
    }
    batches[batches.length - 1].push(entry);
    size += entrySize;
  }
  return batches;
}

const timeless = (text: string) => text.replace(/"durationMs":\d+/, '"durationMs":0');

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "motif-functions-parity-"));
  const motif = await serveMotif({ port });
  try {
    const signUp = await fetch(`${motif.url}/api/v1/auth/sign-up`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "parity@example.com", password: "correct horse battery" }),
    });
    const token = ((await signUp.json()) as { access_token: string }).access_token;
    const deno = childProcessId(motif.pid, "serve-locally.ts");
    const corpora = [
      await buildCorpus({ name: "python", folder: path.join(scratch, "python"), sources: [{ path: pythonStdlib(), prefix: "stdlib" }], maxBytes: 6 * megabyte }),
      await buildCorpus({
        name: "ts-js", folder: path.join(scratch, "ts-js"), maxBytes: 3 * megabyte,
        sources: scriptPackages.map((name) => ({ path: path.join(repository, "node_modules", name), prefix: name })),
      }),
    ];
    const rows = [];
    for (const corpus of corpora) {
      for (const [index, files] of (await batchesOf(corpus)).entries()) {
        const body = JSON.stringify({ files });
        const cpuBefore = processCpuMs(deno);
        const started = performance.now();
        const response = await fetch(`${motif.url}/functions/v1/extract`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
        const fromDeno = await response.text();
        const wallMs = performance.now() - started;
        const denoCpuMs = processCpuMs(deno) - cpuBefore;
        const cli = await promisify(execFile)(process.execPath, [path.join(repository, "bin/motif"), "extract", "--json", "--jobs", "1", ...files.map((file) => file.path)], { cwd: corpus.folder, maxBuffer: 1 << 30 });
        const identical = response.status === 200 && timeless(fromDeno) === timeless(cli.stdout);
        if (!identical) writeFileSync(path.join(os.tmpdir(), `motif-parity-${corpus.name}-${index}.json`), JSON.stringify({ status: response.status, fromDeno: fromDeno.slice(0, 2000) }));
        const stats = response.status === 200 ? (JSON.parse(fromDeno) as { stats: { units: number; lines: number } }).stats : undefined;
        const row = { corpus: corpus.name, batch: index, files: files.length, bodyBytes: Buffer.byteLength(body), lines: stats?.lines, units: stats?.units, status: response.status, identical, wallMs: Math.round(wallMs), denoCpuMs: Math.round(denoCpuMs), jsonBytes: Buffer.byteLength(fromDeno) };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
    const summary = { identicalBatches: rows.filter((row) => row.identical).length, batches: rows.length, files: rows.reduce((sum, row) => sum + row.files, 0), maxDenoCpuMs: Math.max(...rows.map((row) => row.denoCpuMs)) };
    console.log(JSON.stringify(summary));
    writeFileSync(path.join(repository, "tests/bench/results/functions-parity.json"), `${JSON.stringify({ ranAt: new Date().toISOString(), cores: os.availableParallelism(), loadAverage: os.loadavg(), corpora: corpora.map(({ name, files, lines, bytes }) => ({ name, files, lines, bytes })), summary, rows }, null, 2)}\n`);
    if (summary.identicalBatches !== summary.batches) process.exitCode = 1;
  } finally {
    await motif.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
