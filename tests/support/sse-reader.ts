/** One Server-Sent Event as a client sees it (fields per the WHATWG EventSource parser). */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
  /** performance.timeOrigin + performance.now() when its last line was read. */
  receivedAt: number;
}

/** Reads a `text/event-stream` body as EventSource would, keeping messages, comments and `retry`. */
export interface SseReader {
  messages: SseMessage[];
  comments: string[];
  retry?: number;
  /** Resolves once `count` messages arrived; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<SseMessage[]>;
  /** Resolves once a comment with this text arrived; rejects after `timeoutMs`. */
  waitForComment(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves when the stream ended (the server closed it). */
  ended: Promise<void>;
  close(): Promise<void>;
}

function parseBlock(block: string, reader: SseReader) {
  const message: SseMessage = { data: "", receivedAt: performance.timeOrigin + performance.now() };
  const data: string[] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line.startsWith(":")) reader.comments.push(line.slice(1).trim());
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") data.push(value);
    else if (field === "id") message.id = value;
    else if (field === "event") message.event = value;
    else if (field === "retry") reader.retry = Number(value);
  }
  if (data.length > 0) reader.messages.push({ ...message, data: data.join("\n") });
}

function waitUntil(condition: () => boolean, what: string, timeoutMs: number, ended: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs || ended()) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 2);
    };
    check();
  });
}

/** Starts reading an SSE body in the background. */
export function readSse(body: ReadableStream<Uint8Array>): SseReader {
  const streamReader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  const reader: SseReader = {
    messages: [],
    comments: [],
    waitForMessages: (count, timeoutMs = 2_000) =>
      waitUntil(() => reader.messages.length >= count, `${count} messages`, timeoutMs, () => done).then(() => reader.messages),
    waitForComment: (text, timeoutMs = 2_000) =>
      waitUntil(() => reader.comments.includes(text), `comment "${text}"`, timeoutMs, () => done),
    ended: Promise.resolve(),
    close: async () => {
      await streamReader.cancel().catch(() => undefined);
    },
  };
  reader.ended = (async () => {
    try {
      for (;;) {
        const chunk = await streamReader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
        buffer = blocks.pop() ?? "";
        for (const block of blocks) parseBlock(block, reader);
      }
    } catch {
      // A cancelled or aborted stream ends the same way as a closed one.
    } finally {
      done = true;
    }
  })();
  return reader;
}
