import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { denoCommand, denoServeArguments } from "@/lib/server";
import { startManagementApiServer, type UploadedFunction } from "@/tests/support/management-api-server";

// `supabase functions deploy` run unchanged (the real CLI, 2.117.0 from npm) against a local
// server speaking the Management API's deploy endpoint: what it uploads for each function must
// be the function's own code and nothing else, and exactly those files must run in Deno.

const run = promisify(execFile);
const repository = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(repository, "tests/fixtures/repos");
const functionNames = ["extract", "github-webhook", "ingest", "match"];
const jwtSecret = "a-legacy-jwt-secret-of-at-least-32-characters";
const workFolder = fs.mkdtempSync(path.join(os.tmpdir(), "motif-deploy-"));
let managementApi: Awaited<ReturnType<typeof startManagementApiServer>>;
let uploads: UploadedFunction[];

/** Writes an upload's files under `folder` at the paths the CLI gave them. */
function materialize(upload: UploadedFunction, folder: string): void {
  for (const [file, bytes] of upload.files) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), bytes);
  }
  // Supabase's bundler supplies the npm packages the import map names; Deno's own copy of them
  // (made by `npm run functions:check`) stands in for it, when there is one.
  const packages = path.join(repository, "supabase/functions/node_modules");
  const link = path.join(folder, "supabase/functions/node_modules");
  if (fs.existsSync(packages) && !fs.existsSync(link)) fs.symlinkSync(packages, link, "dir");
}

async function startDeno(home: string): Promise<{ port: number; child: ChildProcess }> {
  const { command, prefix } = denoCommand(repository);
  const child: ChildProcess = spawn(command, [...prefix, ...denoServeArguments(home)], {
    cwd: home,
    env: {
      ...process.env, DATABASE_URL: undefined, MOTIF_DATA_DIR: undefined, MOTIF_FUNCTIONS_SERVER_URL: undefined, MOTIF_FUNCTIONS_SECRET: undefined,
      DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1",
      MOTIF_FUNCTIONS_PORT: "0",
      // As Supabase's runtime provides them; extract never connects to the database.
      SUPABASE_URL: "http://127.0.0.1:9", SUPABASE_DB_URL: "postgres://postgres@127.0.0.1:9/never_connected", SUPABASE_JWT_SECRET: jwtSecret,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const errors: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => errors.push(line));
  const port = await new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith('{"listening":')) resolve((JSON.parse(line) as { listening: number }).listening);
    });
    child.once("exit", (code) => reject(new Error(`Deno exited (${code}) before listening: ${errors.join("\n")}`)));
  });
  return { port, child };
}

beforeAll(async () => {
  managementApi = await startManagementApiServer();
  for (const name of functionNames) {
    await run(path.join(repository, "node_modules/.bin/supabase"), ["functions", "deploy", name, "--use-api", "--project-ref", "abcdefghijklmnopqrst", "--profile", managementApi.profile], {
      cwd: repository,
      env: { ...process.env, SUPABASE_ACCESS_TOKEN: `sbp_${"0123456789".repeat(4)}` },
      maxBuffer: 1 << 26,
    });
  }
  uploads = managementApi.uploads;
}, 300_000);

afterAll(async () => {
  await managementApi?.close();
  fs.rmSync(workFolder, { recursive: true, force: true });
});

describe("supabase functions deploy, unchanged", () => {
  it("uploads each function's entry, its import map and the lib/ code it imports: nothing else", () => {
    expect(uploads.map((upload) => upload.slug)).toEqual(functionNames);
    for (const upload of uploads) {
      expect(upload.metadata).toMatchObject({ entrypoint_path: `supabase/functions/${upload.slug}/index.ts`, import_map_path: "supabase/functions/deno.json", verify_jwt: false });
      const files = [...upload.files.keys()];
      expect(files).toContain(`supabase/functions/${upload.slug}/index.ts`);
      expect(files.filter((file) => !/^(lib|bin|supabase\/functions)\//.test(file) || file.includes("node_modules"))).toEqual([]);
      expect(files.filter((file) => file.startsWith("supabase/functions/") && !file.startsWith(`supabase/functions/${upload.slug}/`) && !file.startsWith("supabase/functions/_shared/") && file !== "supabase/functions/deno.json")).toEqual([]);
      const bytes = [...upload.files.values()].reduce((total, file) => total + file.length, 0);
      // Supabase caps a bundled function at 20 MB; the sources are a small part of that.
      expect(bytes).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it("each upload alone holds every module its entry imports (Deno resolves the whole graph)", async () => {
    const { command, prefix } = denoCommand(repository);
    for (const upload of uploads) {
      const folder = path.join(workFolder, `check-${upload.slug}`);
      materialize(upload, folder);
      const functions = path.join(folder, "supabase/functions");
      await run(command, [...prefix, "install", "--config", path.join(functions, "deno.json"), "--entrypoint", path.join(functions, upload.slug, "index.ts")], {
        cwd: folder, env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
      });
    }
  }, 300_000);

  it("the uploaded files serve extract with the bytes `motif extract --json --jobs 1` prints", async () => {
    const home = path.join(workFolder, "served");
    for (const upload of uploads) materialize({ ...upload, files: new Map([...upload.files].filter(([file]) => !fs.existsSync(path.join(home, file)))) }, home);
    // The local runner (not part of any deploy) loads every function folder it finds beside it.
    fs.copyFileSync(path.join(repository, "supabase/functions/_shared/serve-locally.ts"), path.join(home, "supabase/functions/_shared/serve-locally.ts"));
    const { port, child } = await startDeno(home);
    try {
      const chosen = fs.readdirSync(path.join(fixtures, "python-service"), { recursive: true }).map(String).filter((file) => file.endsWith(".py")).sort().map((file) => path.join("python-service", file));
      const body = { files: chosen.map((file) => ({ path: file, content: fs.readFileSync(path.join(fixtures, file), "utf8") })) };
      const token = await new SignJWT({ role: "authenticated", email: "deployed@example.com" })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" }).setSubject("0f6a3e8c-2b7d-4c1e-9a5f-3d2c1b0a9e8f").setAudience("authenticated").setIssuedAt().setExpirationTime("5m")
        .sign(new TextEncoder().encode(jwtSecret));
      const response = await fetch(`http://127.0.0.1:${port}/extract`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      const fromDeno = await response.text();
      expect(response.status, fromDeno).toBe(200);
      const { stdout: fromNode } = await run(process.execPath, [path.join(repository, "bin/motif"), "extract", "--json", "--jobs", "1", ...chosen], { cwd: fixtures, maxBuffer: 1 << 26 });
      const timeless = (text: string) => text.replace(/"durationMs":\d+/, '"durationMs":0');
      expect(JSON.parse(fromDeno).units.length).toBeGreaterThan(0);
      expect(timeless(fromDeno)).toBe(timeless(fromNode));
      const anonymous = await fetch(`http://127.0.0.1:${port}/extract`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(anonymous.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
    }
  }, 300_000);
});
