import { randomUUID, scryptSync, timingSafeEqual, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import postgres from "postgres";

/**
 * A local server that speaks Supabase Auth's (GoTrue's) wire format for the calls Motif makes:
 * `POST /auth/v1/signup` (auto-confirmed), `POST /auth/v1/token?grant_type=password`,
 * `POST /auth/v1/logout?scope=global|local|others` and the published signing keys at
 * `/auth/v1/.well-known/jwks.json`. Like GoTrue it keeps its users and sessions in the
 * database's `auth.users` / `auth.sessions` tables, signs access tokens with an ES256 key
 * naming the session in `session_id`, and ends sessions by deleting their rows.
 */
export interface GoTrueServer {
  url: string;
  /** The `Authorization` tokens each logout call carried, in order. */
  logouts: { token: string; scope: string }[];
  close: () => Promise<void>;
}

interface Row {
  id: string;
  email: string;
  encrypted_password: string;
}

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${scryptSync(password, salt, 32).toString("hex")}`;
}

function passwordMatches(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(":");
  return timingSafeEqual(scryptSync(password, Buffer.from(salt, "hex"), 32), Buffer.from(hash, "hex"));
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
}

/** Starts the server on 127.0.0.1 over the database at `databaseUrl` (a superuser URL, as GoTrue's own role). */
export async function startGoTrueServer(databaseUrl: string, port = 0): Promise<GoTrueServer> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `gotrue-${randomUUID()}`;
  const jwks: JWK[] = [{ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }];
  const logouts: GoTrueServer["logouts"] = [];
  let baseUrl = "";

  async function session(user: Row, userAgent: string | undefined) {
    const expiresIn = 3600;
    const expiresAt = Math.floor(Date.now() / 1000) + expiresIn;
    const [{ id: sessionId }] = await sql<{ id: string }[]>`
      insert into auth.sessions (user_id, not_after, user_agent) values (${user.id}, to_timestamp(${expiresAt}), ${userAgent ?? null}) returning id`;
    const accessToken = await new SignJWT({ email: user.email, role: "authenticated", aal: "aal1", amr: [{ method: "password", timestamp: expiresAt - expiresIn }], session_id: sessionId, is_anonymous: false, app_metadata: { provider: "email" }, user_metadata: {} } as Record<string, unknown>)
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setIssuer(`${baseUrl}/auth/v1`)
      .setSubject(user.id)
      .setAudience("authenticated")
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey as CryptoKey);
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: expiresIn,
      expires_at: expiresAt,
      refresh_token: randomBytes(12).toString("hex"),
      user: { id: user.id, aud: "authenticated", role: "authenticated", email: user.email, app_metadata: { provider: "email" }, user_metadata: {}, created_at: new Date().toISOString() },
    };
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? "/", baseUrl);
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" }).end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.method === "GET" && url.pathname === "/auth/v1/.well-known/jwks.json") return send(200, { keys: jwks });
    const userAgent = request.headers["user-agent"];
    if (request.method === "POST" && url.pathname === "/auth/v1/signup") {
      const { email, password } = (await readJson(request)) as { email: string; password: string };
      const taken = await sql`select 1 from auth.users where email = ${email}`;
      if (taken.length) return send(422, { code: 422, error_code: "user_already_exists", msg: "User already registered" });
      const [user] = await sql<Row[]>`
        insert into auth.users (email, encrypted_password, email_confirmed_at) values (${email}, ${hashPassword(password)}, now()) returning id, email, encrypted_password`;
      return send(200, await session(user, userAgent));
    }
    if (request.method === "POST" && url.pathname === "/auth/v1/token" && url.searchParams.get("grant_type") === "password") {
      const { email, password } = (await readJson(request)) as { email: string; password: string };
      const [user] = await sql<Row[]>`select id, email, encrypted_password from auth.users where email = ${email}`;
      if (!user || !passwordMatches(password, user.encrypted_password)) {
        return send(400, { code: 400, error_code: "invalid_credentials", msg: "Invalid login credentials" });
      }
      return send(200, await session(user, userAgent));
    }
    if (request.method === "POST" && url.pathname === "/auth/v1/logout") {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (!token) return send(401, { code: 401, error_code: "no_authorization", msg: "This endpoint requires a valid Bearer token" });
      const scope = url.searchParams.get("scope") ?? "global";
      logouts.push({ token, scope });
      const claims = decodeJwt(token) as { sub: string; session_id: string };
      if (scope === "local") await sql`delete from auth.sessions where id = ${claims.session_id}`;
      else if (scope === "others") await sql`delete from auth.sessions where user_id = ${claims.sub} and id <> ${claims.session_id}`;
      else await sql`delete from auth.sessions where user_id = ${claims.sub}`;
      return send(204);
    }
    send(404, { code: 404, msg: `no route ${request.method} ${url.pathname}` });
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ code: 500, msg: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    logouts,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await sql.end({ timeout: 5 });
    },
  };
}
