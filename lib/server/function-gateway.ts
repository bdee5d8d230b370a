import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { requireCaller } from "@/lib/auth";
import { createRemoteDatabaseHost, functionsSecretHeader, remoteOperationSchema, type Database } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { encryptionKey } from "@/lib/github";
import { asMotifError } from "@/lib/http";
import { startDenoFunctions, type DenoFunctions, type DenoFunctionsOptions } from "./deno-functions";

const functionsPath = /^\/functions\/v1\/([a-z0-9_-]+)(\/[^?]*)?(\?.*)?$/;
// A remote COPY carries an ingest's staged rows (a few MB for the ingest function's 2 MB).
const maxInternalBodyBytes = 64 * 1024 * 1024;

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

function sendError(response: http.ServerResponse, error: unknown): void {
  const motifError = asMotifError(error);
  sendJson(response, motifError.status, { error: { code: motifError.code, message: motifError.message } });
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > maxInternalBodyBytes) throw new MotifError("too_large:input", "internal request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function headersOf(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** What the gateway needs: the server's database, and how to start Deno. */
export interface FunctionGatewayOptions extends Omit<DenoFunctionsOptions, "environment"> {
  database: Database;
  /** Embedded mode: the functions reach the database and callers through this server. */
  embedded: boolean;
  /** This server's loopback URL, e.g. http://127.0.0.1:3000 (embedded mode). */
  serverUrl: string;
  /** The job owner the functions' ingests are recorded under (this server's). */
  jobOwner: string;
  /** Extra variables for the functions (Supabase mode: the database URL as SUPABASE_DB_URL). */
  environment?: Record<string, string>;
}

/**
 * `/functions/v1/<name>` on Motif's own URL, as Supabase's gateway serves it: proxied to the
 * Deno process that runs supabase/functions. Embedded, that process must not open the
 * PGlite data dir this server owns, so two internal endpoints serve it instead, open only to
 * the holder of a secret made at start and handed to Deno alone: `/_motif/functions/caller`
 * (who the request's credential is) and `/_motif/functions/database` (statements, run in
 * transactions this server keeps open for it; see lib/db/remote).
 */
export function createFunctionGateway(options: FunctionGatewayOptions) {
  const secret = randomBytes(32).toString("base64url");
  const host = createRemoteDatabaseHost(options.database);
  const environment: Record<string, string> = {
    ...options.environment,
    MOTIF_JOB_OWNER: options.jobOwner,
    // Embedded mode: the data dir (and the key in it that encrypts stored GitHub secrets, read by
    // the github-webhook function) belongs to this server; Deno gets the key, never the dir.
    ...(options.embedded
      ? { MOTIF_FUNCTIONS_SERVER_URL: options.serverUrl, MOTIF_FUNCTIONS_SECRET: secret, MOTIF_ENCRYPTION_KEY: encryptionKey().toString("base64") }
      : {}),
  };
  let runtime: DenoFunctions | undefined;
  const current = () => {
    if (!runtime?.running()) runtime = startDenoFunctions({ ...options, environment });
    return runtime;
  };

  function trusted(request: http.IncomingMessage): boolean {
    const presented = Buffer.from(String(request.headers[functionsSecretHeader] ?? ""));
    const expected = Buffer.from(secret);
    return options.embedded && presented.length === expected.length && timingSafeEqual(presented, expected);
  }

  async function proxy(request: http.IncomingMessage, response: http.ServerResponse, target: string): Promise<void> {
    let port: number;
    try {
      port = await current().ready;
    } catch (error) {
      throw new MotifError("unavailable:functions", `the edge functions are not running: ${(error as Error).message}`);
    }
    const upstream = http.request({ host: "127.0.0.1", port, path: target, method: request.method, headers: request.headers });
    await new Promise<void>((resolve, reject) => {
      upstream.once("response", (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.once("end", resolve);
      });
      upstream.once("error", (error) => reject(new MotifError("unavailable:functions", `the edge functions did not answer: ${error.message}`)));
      request.pipe(upstream);
    });
  }

  async function caller(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const claims = await requireCaller(new Request("http://motif.internal/", { headers: headersOf(request) }));
    sendJson(response, 200, { claims });
  }

  async function database(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const parsed = remoteOperationSchema.safeParse(JSON.parse((await readBody(request)).toString("utf8")));
    if (!parsed.success) throw new MotifError("bad_request:input", `not a database operation: ${parsed.error.message}`);
    const answer = await host.handle(parsed.data);
    sendJson(response, answer.status, answer.body);
  }

  return {
    /** Starts Deno now, so the first invocation does not wait for it. */
    start(): void {
      const started = current();
      started.ready.then(
        () => options.onLog(`edge functions served by Deno at /functions/v1/{${started.functions().join(",")}} (started in ${Math.round(started.startupMs() ?? 0)} ms)`),
        (error: unknown) => options.onLog(`edge functions unavailable: ${(error as Error).message}`),
      );
    },
    /**
     * Serves the request when it is the gateway's (returns true), else leaves it to Next.js.
     */
    handle(request: http.IncomingMessage, response: http.ServerResponse): boolean {
      const url = request.url ?? "/";
      const match = functionsPath.exec(url);
      let work: Promise<void> | undefined;
      if (match) work = proxy(request, response, `/${match[1]}${match[2] ?? ""}${match[3] ?? ""}`);
      else if (url === "/_motif/functions/caller" || url === "/_motif/functions/database") {
        if (!trusted(request) || request.method !== "POST") work = Promise.reject(new MotifError("not_found:resource", "not found"));
        else work = url.endsWith("/caller") ? caller(request, response) : database(request, response);
      }
      if (!work) return false;
      work.catch((error: unknown) => (response.headersSent ? response.destroy() : sendError(response, error)));
      return true;
    },
    /** The functions' process, once started. */
    runtime: () => runtime,
    async stop(): Promise<void> {
      await host.close();
      await runtime?.stop();
    },
  };
}

/** A gateway made by `createFunctionGateway`. */
export type FunctionGateway = ReturnType<typeof createFunctionGateway>;
