import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCaller } from "@/lib/auth";
import { resetEnvironmentCache } from "@/lib/env";

// Supabase Auth signs user JWTs with the project's asymmetric keys (ES256, or RS256) and
// publishes them at <SUPABASE_URL>/auth/v1/.well-known/jwks.json; the HS256 JWT secret is the
// legacy path. Here a local HTTP server publishes keys made in the test, as Supabase does.

const secret = "legacy-jwt-secret-with-at-least-32-characters";
const saved = { ...process.env };
const subject = "7b0c3c1e-2f4a-4d8e-9a51-1c2d3e4f5a6b";
let server: http.Server;
let fetches = 0;
const published: JWK[] = [];
const keys: Record<"es256" | "rs256" | "stranger", { privateKey: CryptoKey; kid: string; alg: string }> = {} as never;

async function makeKey(alg: "ES256" | "RS256", kid: string, publish: boolean) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  if (publish) published.push({ ...(await exportJWK(publicKey)), kid, alg, use: "sig" });
  return { privateKey, kid, alg };
}

function token(key: { privateKey: CryptoKey | Uint8Array; kid?: string; alg: string }, claims: { aud?: string } = {}) {
  return new SignJWT({ role: "authenticated", email: "sb@example.com" })
    .setProtectedHeader({ alg: key.alg, typ: "JWT", ...(key.kid ? { kid: key.kid } : {}) })
    .setSubject(subject)
    .setAudience(claims.aud ?? "authenticated")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(key.privateKey);
}

const caller = async (jwt: string) => resolveCaller(new Request("https://motif.example/api/v1/projects", { headers: { authorization: `Bearer ${jwt}` } }));

beforeAll(async () => {
  keys.es256 = await makeKey("ES256", "es-key-1", true);
  keys.rs256 = await makeKey("RS256", "rs-key-1", true);
  // Another project's key under a kid this project also uses: only the signature can tell.
  keys.stranger = { ...(await makeKey("ES256", "es-key-1", false)) };
  server = http.createServer((request, response) => {
    if (request.url !== "/auth/v1/.well-known/jwks.json") return void response.writeHead(404).end();
    fetches += 1;
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(41310, "127.0.0.1", resolve));
  process.env.DATABASE_URL = "postgres://postgres:postgres@db.invalid:5432/postgres";
  process.env.SUPABASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.SUPABASE_JWT_SECRET = secret;
  resetEnvironmentCache();
});

afterAll(async () => {
  process.env = saved;
  resetEnvironmentCache();
  await new Promise((resolve) => server.close(resolve));
});

describe("Supabase-issued JWTs", () => {
  it("accepts an ES256 and an RS256 token signed with the published keys, fetching the key set once", async () => {
    expect(await caller(await token(keys.es256))).toMatchObject({ role: "authenticated", sub: subject, aud: "authenticated" });
    expect(await caller(await token(keys.rs256))).toMatchObject({ sub: subject });
    expect(await caller(await token(keys.es256))).toMatchObject({ sub: subject });
    expect(fetches).toBe(1);
  });

  it("accepts an HS256 token signed with the legacy JWT secret", async () => {
    const legacy = await token({ privateKey: new TextEncoder().encode(secret), alg: "HS256" });
    expect(await caller(legacy)).toMatchObject({ sub: subject, email: "sb@example.com" });
  });

  it("refuses a token signed by another key, under a known kid or an unknown one", async () => {
    await expect(caller(await token(keys.stranger))).rejects.toMatchObject({ code: "unauthorized:auth", message: "the access token is invalid" });
    await expect(caller(await token({ ...keys.stranger, kid: "es-key-9" }))).rejects.toMatchObject({ code: "unauthorized:auth" });
    const otherSecret = await token({ privateKey: new TextEncoder().encode("another-secret-of-at-least-32-characters"), alg: "HS256" });
    await expect(caller(otherSecret)).rejects.toMatchObject({ code: "unauthorized:auth", message: "the access token is invalid" });
  });

  it("refuses a token for another audience, whichever way it is signed", async () => {
    await expect(caller(await token(keys.es256, { aud: "anon" }))).rejects.toMatchObject({ code: "unauthorized:auth" });
    await expect(caller(await token(keys.rs256, { aud: "https://other.example" }))).rejects.toMatchObject({ code: "unauthorized:auth" });
    const legacy = await token({ privateKey: new TextEncoder().encode(secret), alg: "HS256" }, { aud: "service" });
    await expect(caller(legacy)).rejects.toMatchObject({ code: "unauthorized:auth" });
  });

  it("refuses an HS256 token when only the published keys are configured", async () => {
    delete process.env.SUPABASE_JWT_SECRET;
    resetEnvironmentCache();
    try {
      const legacy = await token({ privateKey: new TextEncoder().encode(secret), alg: "HS256" });
      await expect(caller(legacy)).rejects.toMatchObject({ code: "unauthorized:auth" });
      expect(await caller(await token(keys.es256))).toMatchObject({ sub: subject });
    } finally {
      process.env.SUPABASE_JWT_SECRET = secret;
      resetEnvironmentCache();
    }
  });
});
