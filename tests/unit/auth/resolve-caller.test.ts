import { createChunks, stringToBase64URL } from "@supabase/ssr";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCaller } from "@/lib/auth";
import { resetEnvironmentCache } from "@/lib/env";

// Supabase mode: JWTs come from Supabase Auth, signed with the project's JWT secret.
const secret = "super-secret-jwt-token-with-at-least-32-characters-long";
const saved = { ...process.env };

// Without `session_id`: a token naming a session is also checked against auth.sessions, a
// database read these unit tests have no database for (tests/api/security.test.ts covers it).
async function supabaseToken(claims: Record<string, unknown>, expiresIn = "1h") {
  return new SignJWT({ role: "authenticated", email: "sb@example.com", ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject("7b0c3c1e-2f4a-4d8e-9a51-1c2d3e4f5a6b")
    .setAudience("authenticated")
    .setIssuer("https://abcdefghijklmnop.supabase.co/auth/v1")
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

function request(headers: Record<string, string>) {
  return new Request("https://motif.example/api/v1/projects", { headers });
}

beforeAll(() => {
  process.env.DATABASE_URL = "postgres://postgres:postgres@db.invalid:5432/postgres";
  process.env.SUPABASE_URL = "https://abcdefghijklmnop.supabase.co";
  process.env.SUPABASE_ANON_KEY = "anon-key";
  process.env.SUPABASE_JWT_SECRET = secret;
  resetEnvironmentCache();
});
afterAll(() => {
  process.env = saved;
  resetEnvironmentCache();
});

describe("resolveCaller in Supabase mode", () => {
  it("accepts a Supabase-issued bearer JWT and keeps its claims", async () => {
    const claims = await resolveCaller(request({ authorization: `Bearer ${await supabaseToken({})}` }));
    expect(claims).toMatchObject({ role: "authenticated", sub: "7b0c3c1e-2f4a-4d8e-9a51-1c2d3e4f5a6b", email: "sb@example.com", aud: "authenticated" });
  });

  it("reads the access token from @supabase/ssr's chunked base64 session cookie", async () => {
    const session = JSON.stringify({ access_token: await supabaseToken({}), refresh_token: "r".repeat(4000) });
    const chunks = createChunks("sb-abcdefghijklmnop-auth-token", `base64-${stringToBase64URL(session)}`);
    expect(chunks.length).toBeGreaterThan(1);
    const cookie = chunks.map((chunk) => `${chunk.name}=${chunk.value}`).join("; ");
    const claims = await resolveCaller(request({ cookie }));
    expect(claims.sub).toBe("7b0c3c1e-2f4a-4d8e-9a51-1c2d3e4f5a6b");
  });

  it("refuses an expired token, a token of another secret and an unreadable cookie with 401", async () => {
    const expired = await supabaseToken({}, "-1m");
    await expect(resolveCaller(request({ authorization: `Bearer ${expired}` }))).rejects.toMatchObject({
      code: "unauthorized:auth",
      message: "your session has expired; sign in again",
    });
    const forged = await new SignJWT({ role: "authenticated" }).setProtectedHeader({ alg: "HS256" }).setSubject("x")
      .setAudience("authenticated").setExpirationTime("1h").sign(new TextEncoder().encode("another secret of 32 characters!!"));
    await expect(resolveCaller(request({ authorization: `Bearer ${forged}` }))).rejects.toMatchObject({
      message: "the access token is invalid",
    });
    await expect(resolveCaller(request({ cookie: "sb-abcdefghijklmnop-auth-token=garbage" }))).rejects.toMatchObject({
      code: "unauthorized:auth",
    });
  });

  it("does not let an anon or service_role JWT act as a user", async () => {
    const serviceRole = await supabaseToken({ role: "service_role" });
    await expect(resolveCaller(request({ authorization: `Bearer ${serviceRole}` }))).rejects.toMatchObject({
      message: "the access token is not a signed-in user's token",
    });
  });

  it("treats a request without credentials as anonymous", async () => {
    expect(await resolveCaller(request({}))).toEqual({ role: "anon" });
  });
});
