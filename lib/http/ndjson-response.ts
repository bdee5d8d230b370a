import { asMotifError } from "./route-handler";

/**
 * Streams a long operation as newline-delimited JSON: `{"progress": …}` lines while it runs
 * (from `report`), then one `{"result": …}` line, or `{"error": {code, message}}` when it fails
 * (the status is already 200 by then, so the error travels in the body). Lets a client draw a
 * progress bar for work that answers in one request.
 */
export function ndjsonResponse<T>(run: (report: (progress: unknown) => void) => Promise<T>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ result: await run((progress) => send({ progress })) });
      } catch (error) {
        const failure = asMotifError(error);
        send({ error: { code: failure.code, message: failure.message } });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson", "cache-control": "no-store" } });
}
