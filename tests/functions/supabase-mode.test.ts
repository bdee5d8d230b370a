// Supabase mode on a real Postgres: the functions connect with SUPABASE_DB_URL (as Supabase's
// edge runtime hands it to them), verify the caller's JWT with SUPABASE_JWT_SECRET, and run as
// that caller under row-level security. Needs a Postgres with pgvector, named by
// MOTIF_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:55432/postgres); it makes a
// throwaway database there and drops it. Without that variable the test is reported ignored.
// It runs in a Deno process of its own (npm run functions:test): the environment a function
// reads is read once per process, and functions.test.ts sets the embedded mode's.
import fs from "node:fs";
import path from "node:path";
import { assertEquals } from "./assert.ts";
import { signAccessToken } from "@/lib/auth/index.ts";
import { asService, createProjectBySlug, migrate, openPostgresDatabase, withUser } from "@/lib/db/index.ts";

const adminUrl = Deno.env.get("MOTIF_TEST_DATABASE_URL");
const fixtures = path.resolve(import.meta.dirname!, "../fixtures/repos");

function pythonFixture() {
  const root = path.join(fixtures, "python-service");
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".py"))
    .map((entry) => path.relative(fixtures, path.join(entry.parentPath, entry.name)))
    .map((file) => ({ path: file, content: fs.readFileSync(path.join(fixtures, file), "utf8") }));
}

Deno.test({ name: "the functions in Supabase mode", ignore: !adminUrl }, async (context) => {
  const name = `motif_functions_test_${Date.now()}`;
  const admin = openPostgresDatabase(adminUrl!, { maxConnections: 1 });
  await admin.exec(`create database ${name}`);
  const databaseUrl = adminUrl!.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const secret = "a-supabase-jwt-secret-of-enough-length-000";
  Deno.env.set("SUPABASE_DB_URL", databaseUrl);
  Deno.env.set("SUPABASE_JWT_SECRET", secret);
  const setup = openPostgresDatabase(databaseUrl, { maxConnections: 1 });
  const { functionRuntime, ingestFunction, matchFunction } = await import("@/lib/edge-functions/index.ts");
  try {
    await migrate(setup, { embedded: true });
    const [alice, bob] = await asService(setup, (transaction) => transaction.query<{ id: string; email: string }>(
      `insert into auth.users (email) values ('alice@example.com'), ('bob@example.com') returning id, email`));
    await withUser(setup, { role: "authenticated", sub: alice.id, email: alice.email }, (transaction) => createProjectBySlug({ transaction, name: "Shop", slug: "shop" }));
    // A token is accepted while its auth.sessions row lives (as GoTrue records sign-ins).
    const token = async (user: { id: string; email: string }) => {
      const [session] = await asService(setup, (transaction) => transaction.query<{ id: string }>(
        `insert into auth.sessions (user_id, not_after) values ($1, now() + interval '10 minutes') returning id`, [user.id]));
      const expiresAt = Math.floor(Date.now() / 1000) + 600;
      return (await signAccessToken({ user, sessionId: session.id, secret: new TextEncoder().encode(secret), expiresAt })).accessToken;
    };
    const call = (handler: (request: Request) => Promise<Response>, bearer: string | undefined, body: unknown) => handler(new Request("http://functions.local/", {
      method: "POST", headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body),
    }));

    await context.step("a member ingests; a non-member is refused", async () => {
      const ingested = await call(ingestFunction, await token(alice), { project: "shop", files: pythonFixture() });
      const body = await ingested.json();
      assertEquals(ingested.status, 200, JSON.stringify(body));
      assertEquals(body.patterns_created > 0, true);
      const outsider = await call(ingestFunction, await token(bob), { project: "shop", files: pythonFixture() });
      assertEquals(outsider.status, 404);
      await outsider.body?.cancel();
    });

    await context.step("a member matches; RLS hides the project from a non-member; no token is a 401", async () => {
      const body = { project: "shop", intent: "retry a flaky call with exponential backoff", limit: 3 };
      const matched = await call(matchFunction, await token(alice), body);
      assertEquals(matched.status, 200);
      assertEquals((await matched.json()).matched_patterns[0].kind, "retry_backoff");
      const outsider = await call(matchFunction, await token(bob), body);
      assertEquals([outsider.status, (await outsider.json()).error.code], [404, "not_found:resource"]);
      const anonymous = await call(matchFunction, undefined, body);
      assertEquals(anonymous.status, 401);
      await anonymous.body?.cancel();
    });
  } finally {
    await (await functionRuntime().catch(() => undefined))?.database.close();
    await setup.close();
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
});
