import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listSessions } from "@/app/api/v1/auth/sessions/route";
import { DELETE as revokeSession } from "@/app/api/v1/auth/sessions/[sessionId]/route";
import { GET as session } from "@/app/api/v1/auth/session/route";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOut } from "@/app/api/v1/auth/sign-out/route";
import { POST as signUp } from "@/app/api/v1/auth/sign-up/route";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { GET as listPatterns, POST as createPattern } from "@/app/api/v1/patterns/route";
import { clientAddressHeader, signInLimits } from "@/lib/auth";
import { textLimits } from "@/lib/domain";
import { signUpAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
beforeAll(async () => (api = await useTestApi()));
afterAll(() => api.close());

const from = (address: string) => ({ [clientAddressHeader]: address });

describe("sign-out", () => {
  it("ends the session: the same token is refused at once, as a cookie and as a Bearer", async () => {
    const account = await signUpAccount("leaving@example.com");
    expect((await callRoute(session, { bearer: account.token })).status).toBe(200);
    expect((await callRoute(signOut, { method: "POST", cookie: account.cookie })).status).toBe(200);
    const asBearer = await callRoute(session, { bearer: account.token });
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.error.message).toMatch(/session has ended/);
    expect((await callRoute(session, { cookie: account.cookie })).status).toBe(401);
    expect((await callRoute(listProjects, { cookie: account.cookie })).status).toBe(401);
  });
});

describe("GET and DELETE /api/v1/auth/sessions", () => {
  it("lists the caller's live sessions and revokes one, whose token then stops working", async () => {
    const first = await signUpAccount("many@example.com");
    const second = await callRoute(signIn, { method: "POST", body: { email: "many@example.com", password: "correct horse battery" }, headers: { "user-agent": "second-device/1.0" } });
    expect(second.status).toBe(200);
    const listed = await callRoute(listSessions, { bearer: first.token });
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toHaveLength(2);
    const current = listed.body.sessions.filter((entry: { current: boolean }) => entry.current);
    expect(current).toHaveLength(1);
    const other = listed.body.sessions.find((entry: { current: boolean }) => !entry.current);
    expect(other.user_agent).toBe("second-device/1.0");
    const revoked = await callRoute(revokeSession, { method: "DELETE", bearer: first.token, params: { sessionId: other.id } });
    expect(revoked.body).toEqual({ revoked: true });
    expect((await callRoute(session, { bearer: second.body.access_token })).status).toBe(401);
    expect((await callRoute(session, { bearer: first.token })).status).toBe(200);
  });

  it("does not let one user see or revoke another user's sessions", async () => {
    const owner = await signUpAccount("owner-of-session@example.com");
    const stranger = await signUpAccount("stranger@example.com");
    const [ownSession] = (await callRoute(listSessions, { bearer: owner.token })).body.sessions;
    const listed = await callRoute(listSessions, { bearer: stranger.token });
    expect(listed.body.sessions.map((entry: { id: string }) => entry.id)).not.toContain(ownSession.id);
    const attempt = await callRoute(revokeSession, { method: "DELETE", bearer: stranger.token, params: { sessionId: ownSession.id } });
    expect(attempt.status).toBe(404);
    expect((await callRoute(session, { bearer: owner.token })).status).toBe(200);
  });

  it("answers 401 to anonymous callers", async () => {
    expect((await callRoute(listSessions)).status).toBe(401);
  });
});

describe("sign-in rate limits", () => {
  it("answers 429 with Retry-After once an account has had its wrong passwords, even for the right one", async () => {
    await signUpAccount("target@example.com");
    const statuses: number[] = [];
    // From many addresses, so that only the account's budget runs out.
    for (let attempt = 0; attempt < signInLimits.perAccount + 2; attempt++) {
      const answer = await callRoute(signIn, { method: "POST", body: { email: "target@example.com", password: `wrong-${attempt}` }, headers: from(`10.0.0.${attempt}`) });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, signInLimits.perAccount)).toEqual(Array(signInLimits.perAccount).fill(401));
    expect(statuses.slice(signInLimits.perAccount)).toEqual([429, 429]);
    const right = await callRoute(signIn, { method: "POST", body: { email: "target@example.com", password: "correct horse battery" }, headers: from("10.0.1.1") });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(right.body.error.code).toBe("too_many_requests:auth");
  });

  it("answers 429 once one address has had its wrong passwords, across accounts, all at once", async () => {
    const attempts = Array.from({ length: signInLimits.perAddress + 5 }, (_, index) =>
      callRoute(signIn, { method: "POST", body: { email: `nobody-${index}@example.com`, password: "wrong password" }, headers: from("192.0.2.7") }),
    );
    const statuses = (await Promise.all(attempts)).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(signInLimits.perAddress);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  it("gives a correct password its attempt back, so a user who signs in is not locked out", async () => {
    await signUpAccount("regular@example.com");
    for (let attempt = 0; attempt < signInLimits.perAccount + 5; attempt++) {
      const answer = await callRoute(signIn, { method: "POST", body: { email: "regular@example.com", password: "correct horse battery" }, headers: from("198.51.100.1") });
      expect(answer.status).toBe(200);
    }
  });
});

describe("body limits", () => {
  it("refuses a 5 MB sign-in and sign-up with 413 before reading it whole", async () => {
    const password = "x".repeat(5 * 1024 * 1024);
    const started = performance.now();
    for (const route of [signIn, signUp]) {
      const answer = await callRoute(route, { method: "POST", body: { email: "big@example.com", password } });
      expect(answer.status).toBe(413);
      expect(answer.body.error.message).toMatch(/request body exceeds 16 KB/);
    }
    // scrypt over 5 MB takes far longer than this; the refusal comes first.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a body declared larger than the limit from its Content-Length alone", async () => {
    const answer = await callRoute(signIn, { method: "POST", rawBody: "{}", headers: { "content-length": String(5 * 1024 * 1024) } });
    expect(answer.status).toBe(413);
  });

  it("refuses JSON nested deeper than 64 with 400", async () => {
    const account = await signUpAccount("deep@example.com");
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const answer = await callRoute(createProject, { method: "POST", bearer: account.token, rawBody: `{"name":"x","slug":"deep-json","extra":${deep}}` });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/nests arrays and objects more than 64 deep/);
  });
});

describe("account inputs", () => {
  it("refuses an email longer than 254 characters without a long Set-Cookie", async () => {
    const email = `${"a".repeat(40 * 1024)}@example.com`;
    const answer = await callRoute(signUp, { method: "POST", rawBody: JSON.stringify({ email, password: "correct horse battery" }) });
    expect(answer.status).toBe(413);
    const shorter = `${"a".repeat(300)}@example.com`;
    const refused = await callRoute(signUp, { method: "POST", body: { email: shorter, password: "correct horse battery" } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/email: must be at most 254 characters/);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it.each([
    ["\u0000".repeat(8), /control characters/],
    ["password", /most common passwords/],
    ["Password1", /most common passwords/],
    ["aaaaaaaaaaaa", /one character repeated/],
    ["policy-test", /your email address/],
  ])("refuses the password %j at sign-up with 400", async (password, message) => {
    const answer = await callRoute(signUp, { method: "POST", body: { email: "policy-test@example.com", password } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(message);
  });
});

describe("hostile values that reach the database", () => {
  it("answers NUL bytes in stored and searched text, and crafted cursors, with 400", async () => {
    const account = await signUpAccount("hostile@example.com");
    expect((await callRoute(createProject, { method: "POST", bearer: account.token, body: { name: "Hostile", slug: "hostile" } })).status).toBe(201);
    const withNul = await callRoute(createProject, { method: "POST", bearer: account.token, body: { name: "a\u0000b", slug: "hostile-2" } });
    expect(withNul.status).toBe(400);
    const pattern = { project: "hostile", name: "Retry", code: "def retry():\n    pass\n", content: { note: "a\u0000b" } };
    expect((await callRoute(createPattern, { method: "POST", bearer: account.token, body: pattern })).status).toBe(400);
    const search = await callRoute(listPatterns, { bearer: account.token, url: "http://localhost:3000/api/v1/patterns?project=hostile&q=a%00b" });
    expect(search.status).toBe(400);
    for (const value of ["1e999", "-1e999", "NaN", "x", "2026-13-45"]) {
      for (const [sort, column] of [["quality_score", "quality_score"], ["created_at", "created_at"], ["name", "name"]]) {
        const cursor = Buffer.from(JSON.stringify([column, "desc", value, "ffffffff-ffff-ffff-ffff-ffffffffffff"])).toString("base64url");
        const page = await callRoute(listPatterns, { bearer: account.token, url: `http://localhost:3000/api/v1/patterns?project=hostile&sort=${sort}&cursor=${cursor}` });
        expect([sort, value, page.status]).toEqual([sort, value, page.status < 500 ? page.status : "5xx"]);
        expect(page.status).toBeLessThan(500);
      }
    }
  });

  it("refuses a pattern's content past its documented limit", async () => {
    const account = await signUpAccount("big-content@example.com");
    await callRoute(createProject, { method: "POST", bearer: account.token, body: { name: "Big", slug: "big-content" } });
    const content = { blob: "x".repeat(textLimits.patternContentBytes) };
    const answer = await callRoute(createPattern, { method: "POST", bearer: account.token, body: { project: "big-content", name: "Big", code: "x = 1", content } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/content: must be at most 64 KB of JSON/);
  });
});
