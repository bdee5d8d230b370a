import { requireCaller } from "@/lib/auth";
import { functionsSecretHeader, getDatabase, openRemoteDatabase, type Database, type JwtClaims } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { MotifError, type ErrorCode } from "@/lib/errors";

/** What a function needs from where it runs: the database, and who is calling. */
export interface FunctionRuntime {
  database: Database;
  /** The caller's claims (user token, API key or session cookie); anonymous callers get a 401. */
  requireCaller(request: Request): Promise<JwtClaims>;
}

// The request headers that carry a credential; the server resolves them exactly as it would its own.
const credentialHeaders = ["authorization", "cookie"];

/**
 * Embedded mode: the server that owns the data dir (and the JWT secret and the API keys)
 * says who the caller is. A refusal comes back as the server's own error.
 */
async function callerFromServer(request: Request, serverUrl: string, secret: string): Promise<JwtClaims> {
  const headers = new Headers({ [functionsSecretHeader]: secret });
  for (const name of credentialHeaders) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const response = await fetch(new URL("/_motif/functions/caller", serverUrl), { method: "POST", headers });
  const body = (await response.json()) as { claims?: JwtClaims; error?: { code: ErrorCode; message: string } };
  if (!response.ok || !body.claims) {
    throw new MotifError(body.error?.code ?? "internal:server", body.error?.message ?? `the Motif server answered ${response.status}`);
  }
  return body.claims;
}

function embeddedRuntime(serverUrl: string, secret: string): FunctionRuntime {
  return {
    database: openRemoteDatabase({ url: new URL("/_motif/functions/database", serverUrl).href, secret }),
    requireCaller: (request) => callerFromServer(request, serverUrl, secret),
  };
}

let cached: Promise<FunctionRuntime> | undefined;

/**
 * Where a function's data lives. Under `motif serve` in embedded mode, the server that owns
 * the PGlite data dir runs its statements (a second process must never open that dir), and
 * resolves its callers. On Supabase (`SUPABASE_DB_URL`, or `DATABASE_URL`), the function
 * connects to Postgres itself and verifies callers as the server does. Either way every
 * request runs as its caller under row-level security (`withUser`).
 */
export function functionRuntime(): Promise<FunctionRuntime> {
  cached ??= (async () => {
    const environment = getEnvironment();
    if (environment.MOTIF_FUNCTIONS_SERVER_URL && environment.MOTIF_FUNCTIONS_SECRET) {
      return embeddedRuntime(environment.MOTIF_FUNCTIONS_SERVER_URL, environment.MOTIF_FUNCTIONS_SECRET);
    }
    if (environment.mode !== "supabase") {
      throw new MotifError("internal:config", "the function has no database: serve it with `motif serve`, or set SUPABASE_DB_URL");
    }
    return { database: await getDatabase(), requireCaller };
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
