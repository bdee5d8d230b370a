import http from "node:http";
import readline from "node:readline";
import { MotifError, type ErrorCode } from "@/lib/errors";

/** The `motif serve` that owns the data dir: its address and the operator token it wrote. */
export interface DataDirOwner {
  url: string;
  token: string;
}

/** A request to the owner: method, body (sent as JSON), and whether the answer streams lines. */
export interface OwnerRequestOptions {
  method?: "GET" | "POST";
  body?: unknown;
  /** Ask for `application/x-ndjson` (progress lines, then the result). */
  stream?: boolean;
}

// node:http rather than fetch: fetch's first use loads undici, ~0.1 s of CPU that `motif ingest`
// through a running server would pay on every run for two local requests.
function send(owner: DataDirOwner, path: string, options: OwnerRequestOptions): Promise<http.IncomingMessage> {
  const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, owner.url), {
      method: options.method ?? "GET",
      headers: {
        authorization: `Bearer ${owner.token}`,
        accept: options.stream ? "application/x-ndjson" : "application/json",
        ...(body ? { "content-type": "application/json", "content-length": body.byteLength } : {}),
      },
    }, resolve);
    request.on("error", (error) => reject(new MotifError("unavailable:database", `motif serve at ${owner.url} owns the data dir but did not answer (${error.message}).`)));
    request.end(body);
  });
}

async function readAll(response: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// A refusal keeps the server's code (a 409 stays a conflict the caller may act on) and message.
async function refusal(response: http.IncomingMessage): Promise<MotifError> {
  const text = await readAll(response);
  let error: { code?: string; message?: string } | undefined;
  try {
    error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
  } catch {
    error = undefined;
  }
  const code = response.statusCode === 409 ? "conflict:resource" : "internal:server";
  return new MotifError((error?.code as ErrorCode | undefined) ?? code, `server answered ${response.statusCode}: ${error?.message ?? response.statusMessage}`);
}

/** A JSON request to the owner; its answer parsed, or its refusal thrown as a MotifError. */
export async function ownerJson<T>(owner: DataDirOwner, path: string, options: OwnerRequestOptions = {}): Promise<T> {
  const response = await send(owner, path, options);
  if ((response.statusCode ?? 500) >= 300) throw await refusal(response);
  return JSON.parse(await readAll(response)) as T;
}

/**
 * A streamed request (`application/x-ndjson`: progress lines, then a result or an error line):
 * hands each progress to `onProgress` and returns the result, or throws the server's error.
 */
export async function ownerStream<T, Progress>(owner: DataDirOwner, path: string, options: OwnerRequestOptions & { onProgress: (progress: Progress) => void }): Promise<T> {
  const response = await send(owner, path, { ...options, stream: true });
  if ((response.statusCode ?? 500) >= 300) throw await refusal(response);
  for await (const line of readline.createInterface({ input: response, crlfDelay: Infinity })) {
    if (!line) continue;
    const message = JSON.parse(line) as { progress?: Progress; result?: T; error?: { code: string; message: string } };
    if (message.progress) options.onProgress(message.progress);
    if (message.error) throw new MotifError(message.error.code as ErrorCode, `server: ${message.error.message}`);
    if (message.result !== undefined) return message.result;
  }
  throw new MotifError("internal:server", "the server closed the ingest stream before its summary");
}
