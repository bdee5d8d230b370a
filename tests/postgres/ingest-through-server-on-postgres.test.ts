import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePrefix, databaseUrl, withServer } from "@/tests/support/real-postgres";
import { serveMotif, type ServedMotif } from "@/tests/support/serve-motif";

// `motif ingest` in DATABASE_URL mode while a `motif serve` on the same database runs on this
// machine: the CLI sends only what changed, the server extracts and clusters it, and the project
// ends as an ingest without the server (the CLI on its own) leaves the same code.

const repository = path.resolve(import.meta.dirname, "../..");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-ingest-server-postgres-"));
const name = `${databasePrefix()}_f_ingest_server_${randomBytes(4).toString("hex")}`;
let served: ServedMotif | undefined;

function motif(args: string[], dataDir: string, cwd = workspace) {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: dataDir, DATABASE_URL: databaseUrl(name) };
  const result = spawnSync(process.execPath, [path.join(repository, "bin/motif"), ...args], { cwd, encoding: "utf8", env, timeout: 180_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "service"), { recursive: true });
  await withServer((sql) => sql.unsafe(`create database ${name}`));
  motif(["db", "migrate"], path.join(workspace, "cli-data"));
  served = await serveMotif({ databaseUrl: databaseUrl(name), waitForFunctions: false });
}, 900_000);

afterAll(async () => {
  await served?.stop();
  await withServer((sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
  fs.rmSync(workspace, { recursive: true, force: true });
});

async function livePatterns(project: string) {
  const sql = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select p.extraction_key, p.name, p.kind, p.quality_score from public.patterns p join public.projects j on j.id = p.project_id
      where j.slug = ${project} and exists (select 1 from public.pattern_occurrences o where o.pattern_id = p.id and o.removed_at is null)
      order by p.extraction_key`;
    return rows.map((row) => ({ ...row }));
  } finally {
    await sql.end();
  }
}

describe("motif ingest through a running server in DATABASE_URL mode", { timeout: 600_000 }, () => {
  it("sends only the changed file to the server, and ends where an ingest without the server does", async () => {
    // The whole repository (run in its folder): the server's memory of it then applies, and writes only the difference.
    const ingest = (project: string, dataDir: string) => JSON.parse(motif(["ingest", ".", "--project", project, "--json", "--jobs", "1"], dataDir, path.join(workspace, "service")));
    const first = ingest("served", served!.dataDir);
    expect(first.server_ms).toBeDefined();
    expect(first.files.reused).toBe(0);
    fs.appendFileSync(path.join(workspace, "service/shop/clients/payments.py"), `\n\ndef refund_charge(charge_id):\n    return requests.post(f"{PAYMENTS_URL}/{charge_id}/refund", timeout=5).json()\n`);
    const second = ingest("served", served!.dataDir);
    expect(second.server_ms).toBeDefined();
    expect(second.files).toMatchObject({ extracted: 1, removed: 0 });
    expect(second.staged).toBe("difference");
    // Another data dir: no server advertised there, so the CLI does the whole ingest itself.
    const alone = ingest("alone", path.join(workspace, "cli-data"));
    expect(alone.server_ms).toBeUndefined();
    expect(await livePatterns("served")).toEqual(await livePatterns("alone"));
  });
});
