import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOut } from "@/app/api/v1/auth/sign-out/route";
import { GET as session } from "@/app/api/v1/auth/session/route";
import { POST as signUp } from "@/app/api/v1/auth/sign-up/route";
import { getLocalJwtSecret, signAccessToken } from "@/lib/auth";
import { asService } from "@/lib/db";
import { signUpAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
beforeAll(async () => (api = await useTestApi()));
afterAll(() => api.close());

describe("POST /api/v1/auth/sign-up", () => {
  it("creates the account, answers 201 and sets an httpOnly Lax session cookie", async () => {
    const answer = await callRoute(signUp, { method: "POST", body: { email: " Ada@Example.com", password: "analytical" } });
    expect(answer.status).toBe(201);
    expect(answer.body.user.email).toBe("ada@example.com");
    expect(answer.body.access_token.split(".")).toHaveLength(3);
    expect(answer.headers.get("set-cookie")).toMatch(
      /^motif-session=[\w.-]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it("stores a salted scrypt hash, never the password", async () => {
    const [row] = await asService(api.database, (transaction) =>
      transaction.query<{ encrypted_password: string }>(
        `select encrypted_password from auth.users where email = 'ada@example.com'`,
      ),
    );
    expect(row.encrypted_password).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(row.encrypted_password).not.toContain("analytical");
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const answer = await callRoute(signUp, {
      method: "POST",
      url: "https://motif.example/api/v1/auth/sign-up",
      body: { email: "secure@example.com", password: "analytical" },
    });
    expect(answer.headers.get("set-cookie")).toContain("; Secure");
  });

  it("refuses a taken email with 409", async () => {
    const answer = await callRoute(signUp, { method: "POST", body: { email: "ADA@example.com", password: "different1" } });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      error: { code: "conflict:resource", message: "an account with this email already exists" },
    });
  });

  it("names the bad field of a malformed body with 400", async () => {
    const badEmail = await callRoute(signUp, { method: "POST", body: { email: "not-an-email", password: "long enough" } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error).toEqual({ code: "bad_request:input", message: "email: Invalid email address" });
    const shortPassword = await callRoute(signUp, { method: "POST", body: { email: "b@example.com", password: "short" } });
    expect(shortPassword.body.error.message).toBe("password: must be at least 8 characters");
    const notJson = await callRoute(signUp, { method: "POST", rawBody: "{email" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe("the request body must be JSON");
  });

  it("keeps the JWT secret in the data dir, readable by its owner only", () => {
    const stat = fs.statSync(path.join(api.dataDir, "jwt-secret"));
    expect(stat.mode & 0o777).toBe(0o600);
  });
});

describe("POST /api/v1/auth/sign-in", () => {
  it("signs in with the right password and the session cookie then identifies the user", async () => {
    const answer = await callRoute(signIn, { method: "POST", body: { email: "ada@example.com", password: "analytical" } });
    expect(answer.status).toBe(200);
    const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0];
    const current = await callRoute(session, { cookie });
    expect(current.status).toBe(200);
    expect(current.body.user).toEqual({ id: answer.body.user.id, email: "ada@example.com" });
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const wrong = await callRoute(signIn, { method: "POST", body: { email: "ada@example.com", password: "analytica!" } });
    const unknown = await callRoute(signIn, { method: "POST", body: { email: "nobody@example.com", password: "analytical" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: "unauthorized:auth", message: "email or password is incorrect" } });
    expect(unknown.body).toEqual(wrong.body);
  });
});

describe("GET /api/v1/auth/session", () => {
  it("answers 401 without credentials", async () => {
    const answer = await callRoute(session);
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("unauthorized:auth");
  });

  it("refuses a token past its expiry with 401, as a bearer and as a cookie", async () => {
    const account = await signUpAccount("late@example.com");
    const { accessToken } = await signAccessToken({
      user: { id: account.id, email: account.email },
      sessionId: "00000000-0000-4000-8000-000000000000",
      secret: getLocalJwtSecret(api.dataDir),
      expiresAt: Math.floor(Date.now() / 1000) - 60,
      now: Math.floor(Date.now() / 1000) - 120,
    });
    const expected = { error: { code: "unauthorized:auth", message: "your session has expired; sign in again" } };
    expect((await callRoute(session, { bearer: accessToken })).body).toEqual(expected);
    const asCookie = await callRoute(session, { cookie: `motif-session=${accessToken}` });
    expect(asCookie.status).toBe(401);
    expect(asCookie.body).toEqual(expected);
  });

  it("refuses a token signed with another secret with 401", async () => {
    const { accessToken } = await signAccessToken({
      user: { id: "6d1c1f3e-4a43-4c55-9b8e-0c2f0e6d2a11", email: "forger@example.com" },
      sessionId: "00000000-0000-4000-8000-000000000000",
      secret: new TextEncoder().encode("not the data dir's secret, at least 32 bytes long"),
      expiresAt: Math.floor(Date.now() / 1000) + 60,
    });
    const answer = await callRoute(session, { bearer: accessToken });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe("the access token is invalid");
  });
});

describe("POST /api/v1/auth/sign-out", () => {
  it("clears the session cookie", async () => {
    const answer = await callRoute(signOut, { method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("set-cookie")).toMatch(/^motif-session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/);
  });
});
