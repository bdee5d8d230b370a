import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the local server received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A reply: status and JSON body. */
export interface Reply {
  status: number;
  body: unknown;
}

/**
 * A real HTTP server on 127.0.0.1 with a random port that records every request and
 * answers with `reply`, so provider tests exercise the SDKs' real wire format.
 */
export async function startLocalServer(reply: (request: RecordedRequest) => Reply) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request = { method: incoming.method ?? "", url: incoming.url ?? "", headers: incoming.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(request);
      const answer = reply(request);
      outgoing.writeHead(answer.status, { "content-type": "application/json" });
      outgoing.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A deterministic fake model vector: component i of text t is (t.length + i) mod 7 − 3. */
export function fakeVector(text: string, dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, index) => ((text.length + index) % 7) - 3);
}

/** A port nothing listens on: one the OS gave us and took back. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
