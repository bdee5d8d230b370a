// What refusing an invented credential costs, per request, on the embedded database:
// an invented JWT, invented `motif_` keys (tagged and untagged form, new and repeated), a
// malformed one, and the database write the server used to run for every invented key.
// Run: npx tsx tests/bench/refusal-cost.bench.ts
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveCaller } from "@/lib/auth";
import { asService, markApiKeyUsedByHash, type Database } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { createTestDatabase } from "@/tests/support/test-database";

const rounds = 2_000;

async function timePerCall(label: string, call: (index: number) => Promise<unknown>) {
  for (let index = 0; index < 50; index++) await call(index).catch(() => undefined);
  const started = performance.now();
  for (let index = 0; index < rounds; index++) await call(index).catch(() => undefined);
  const micros = ((performance.now() - started) / rounds) * 1000;
  console.log(`${label.padEnd(58)} ${micros.toFixed(0).padStart(6)} µs`);
}

const bearer = (token: string) => new Request("http://localhost/api/v1/projects", { headers: { authorization: `Bearer ${token}` } });
// Keys as generateApiKey makes them (32 random bytes + an 8-byte tag), and the untagged form
// that keys made before tags have (32 bytes), which only the database can judge.
const inventedKey = () => `motif_${randomBytes(40).toString("base64url")}`;
const inventedUntaggedKey = () => `motif_${randomBytes(32).toString("base64url")}`;

process.env.MOTIF_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "motif-refusal-"));
resetEnvironmentCache();
const database: Database = await createTestDatabase();
(globalThis as { motifDatabase?: Promise<Database> }).motifDatabase = Promise.resolve(database);
const jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwicm9sZSI6ImF1dGhlbnRpY2F0ZWQifQ.c2lnbmF0dXJlLW5vdC12YWxpZA";
const repeated = inventedUntaggedKey();
await timePerCall("invented JWT", () => resolveCaller(bearer(jwt)));
await timePerCall("malformed motif_ key", () => resolveCaller(bearer("motif_short")));
await timePerCall("invented motif_ key (tagged form), new each time", () => resolveCaller(bearer(inventedKey())));
await timePerCall("invented motif_ key (untagged form), new each time", () => resolveCaller(bearer(inventedUntaggedKey())));
await timePerCall("the same invented untagged motif_ key again", () => resolveCaller(bearer(repeated)));
await timePerCall("before: one write transaction per invented key", () =>
  asService(database, (transaction) => markApiKeyUsedByHash({ transaction, keyHash: randomBytes(32).toString("hex") })),
);
await database.close();
fs.rmSync(process.env.MOTIF_DATA_DIR, { recursive: true, force: true });
