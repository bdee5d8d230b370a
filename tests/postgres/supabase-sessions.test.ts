import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { GET as listSessions } from "@/app/api/v1/auth/sessions/route";
import { DELETE as revokeSession } from "@/app/api/v1/auth/sessions/[sessionId]/route";
import { POST as signInRoute } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOutRoute } from "@/app/api/v1/auth/sign-out/route";
import { POST as signUpRoute } from "@/app/api/v1/auth/sign-up/route";
import { GET as listProjects } from "@/app/api/v1/projects/route";
import { callRoute } from "@/tests/api/api-harness";
import { startGoTrueServer, type GoTrueServer } from "@/tests/support/gotrue-server";
import { createRealPostgresDatabase, databaseUrl } from "@/tests/support/real-postgres";

// Supabase mode end to end on a real Postgres: Supabase Auth (a local server speaking GoTrue's
// wire format, keeping its sessions in the database's auth.sessions as GoTrue does) issues
// ES256 tokens naming their session; Motif verifies them against the published keys and
// refuses a token whose session GoTrue's sign-out or Motif's revocation has ended.

const saved = { ...process.env };
const email = "supabase-user@example.com";
const password = "correct horse battery staple 42";
let database: Database;
let gotrue: GoTrueServer;

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookieHeader(headers: Headers): string {
  return headers.getSetCookie().map((cookie) => cookie.split(";")[0]).filter((pair) => !pair.endsWith("=")).join("; ");
}

async function signIn() {
  const answer = await callRoute(signInRoute, { method: "POST", body: { email, password }, headers: { "user-agent": "vitest" } });
  expect(answer.status).toBe(200);
  return { token: answer.body.access_token as string, cookie: cookieHeader(answer.headers) };
}

const sessionIdOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")).session_id as string;

beforeAll(async () => {
  database = await createRealPostgresDatabase();
  const [{ name }] = await database.query<{ name: string }>("select current_database() as name");
  gotrue = await startGoTrueServer(databaseUrl(name));
  process.env.DATABASE_URL = databaseUrl(name);
  process.env.SUPABASE_URL = gotrue.url;
  process.env.SUPABASE_ANON_KEY = "anon-key-of-the-local-project";
  delete process.env.SUPABASE_JWT_SECRET;
  resetEnvironmentCache();
  (globalThis as { motifDatabase?: Promise<Database> }).motifDatabase = Promise.resolve(database);
  const signedUp = await callRoute(signUpRoute, { method: "POST", body: { email, password } });
  expect(signedUp.status).toBe(201);
});

afterAll(async () => {
  (globalThis as { motifDatabase?: Promise<Database> }).motifDatabase = undefined;
  process.env = saved;
  resetEnvironmentCache();
  await gotrue?.close();
  await database?.close();
});

describe("Supabase-mode sessions on a real Postgres", () => {
  it("accepts a GoTrue ES256 token as Bearer and as the sb-…-auth-token cookie", async () => {
    const { token, cookie } = await signIn();
    expect(cookie).toMatch(/^sb-127-auth-token=/);
    expect((await callRoute(listProjects, { bearer: token })).status).toBe(200);
    expect((await callRoute(listProjects, { cookie })).status).toBe(200);
  });

  it("lists the caller's sessions and revokes one: its token is refused at once, the other still works", async () => {
    const first = await signIn();
    const second = await signIn();
    const listed = await callRoute(listSessions, { bearer: first.token });
    expect(listed.status).toBe(200);
    const ids = listed.body.sessions.map((session: { id: string }) => session.id);
    expect(ids).toEqual(expect.arrayContaining([sessionIdOf(first.token), sessionIdOf(second.token)]));
    expect(listed.body.sessions.find((session: { current: boolean }) => session.current).id).toBe(sessionIdOf(first.token));

    const revoked = await callRoute(revokeSession, { method: "DELETE", bearer: first.token, params: { sessionId: sessionIdOf(second.token) } });
    expect(revoked.status).toBe(200);
    const refused = await callRoute(listProjects, { bearer: second.token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/session has ended/);
    expect((await callRoute(listProjects, { bearer: first.token })).status).toBe(200);
  });

  it("signs out through GoTrue: the same token is refused right after, as cookie and as Bearer", async () => {
    const { token, cookie } = await signIn();
    expect((await callRoute(listProjects, { bearer: token })).status).toBe(200);
    const signedOut = await callRoute(signOutRoute, { method: "POST", cookie });
    expect(signedOut.status).toBe(200);
    expect(gotrue.logouts.at(-1)?.token).toBe(token);
    const [{ count }] = await database.query<{ count: number }>("select count(*)::int as count from auth.sessions where id = $1", [sessionIdOf(token)]);
    expect(count).toBe(0);
    expect((await callRoute(listProjects, { bearer: token })).status).toBe(401);
    expect((await callRoute(listProjects, { cookie })).status).toBe(401);
  });
});
