import http from "node:http";
import type { AddressInfo } from "node:net";

/** A route handler as Next.js calls it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own params type
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** One route: a path pattern with `:name` segments and its GET handler (or a fixed page). */
export interface BenchRoute {
  path: string;
  handler: Handler;
}

function match(pattern: string, pathname: string): Record<string, string> | undefined {
  const wanted = pattern.split("/");
  const given = pathname.split("/");
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of wanted.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(given[index]);
    else if (part !== given[index]) return undefined;
  }
  return params;
}

/** Writes a fetch Response to a node:http response chunk by chunk, as it is produced. */
async function pipeResponse(answer: Response, response: http.ServerResponse) {
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.flushHeaders();
  if (!answer.body) return response.end();
  const reader = answer.body.getReader();
  response.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (chunk.done) break;
    response.write(chunk.value);
  }
  response.end();
}

/**
 * A plain node:http server in front of App Router route handlers: each request becomes a web
 * Request whose signal aborts when the client goes away, exactly what the handlers get from
 * Next.js, and each streamed body is written as it comes.
 */
export async function startRouteServer(routes: BenchRoute[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer({ noDelay: true }, (incoming, response) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const route = routes.map((entry) => ({ entry, params: match(entry.path, url.pathname) })).find((found) => found.params);
    if (!route) return void response.writeHead(404).end();
    const abort = new AbortController();
    response.on("close", () => abort.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(url, { method: incoming.method, headers, signal: abort.signal });
    void route.entry
      .handler(request, { params: Promise.resolve(route.params!) })
      .then((answer) => pipeResponse(answer, response))
      .catch((error: unknown) => {
        console.error(error);
        response.destroy();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
