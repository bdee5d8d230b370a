import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Serves one POST route handler over real HTTP (node:http), converting requests and responses
 * the way Next's Node runtime does, so the benchmark pays for sockets, HTTP parsing, the JSON
 * body and the handler itself.
 */
export async function serveMatchRoute(handler: RouteHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer({ noDelay: true }, async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${incoming.url}`, {
      method: incoming.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    const body = Buffer.from(await response.arrayBuffer());
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
