import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Local HTTP servers that speak the real wire formats of the three providers, byte for byte as
 * their public API references give them: OpenAI chat completions (JSON, or Server-Sent Events
 * with a final usage chunk and `data: [DONE]`), Anthropic messages (JSON, or the named event
 * stream message_start … message_stop), Ollama /api/chat (one JSON object, or NDJSON lines
 * ending in a `done: true` line with the counts). Each records what it was asked and answered.
 */

/** What a scripted server does with one request. */
export type WireStep =
  | { kind: "answer"; content: string; inputTokens: number; outputTokens: number; model?: string }
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: "hang"; ms: number };

/** A request a server received and the answer it gave. */
export interface WireExchange {
  path: string;
  body: Record<string, unknown>;
  stream: boolean;
  status: number;
  /** Tokens the answer reported (answers only). */
  usage?: { inputTokens: number; outputTokens: number };
  model?: string;
}

/** One running server: its base URL for the SDK, its log, and how to script it. */
export interface WireServer {
  baseUrl: string;
  exchanges: WireExchange[];
  /** Steps taken in order before the default answerer is used. */
  script: WireStep[];
  /** Answers every request not scripted. */
  answerer: (body: Record<string, unknown>) => WireStep;
  close(): Promise<void>;
}

type Flavour = "openai" | "anthropic" | "ollama";

function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function chunksOf(text: string): string[] {
  const pieces = text.match(/[\s\S]{1,7}/g) ?? [""];
  return pieces;
}

function openaiAnswer(response: http.ServerResponse, step: Extract<WireStep, { kind: "answer" }>, model: string, stream: boolean): void {
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 12)}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = {
    prompt_tokens: step.inputTokens, completion_tokens: step.outputTokens, total_tokens: step.inputTokens + step.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
  if (!stream) {
    response.writeHead(200, { "content-type": "application/json", "x-request-id": `req_${id}` });
    response.end(JSON.stringify({
      id, object: "chat.completion", created, model, system_fingerprint: "fp_local",
      choices: [{ index: 0, message: { role: "assistant", content: step.content, refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }],
      usage, service_tier: "default",
    }));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
  const base = { id, object: "chat.completion.chunk", created, model, system_fingerprint: "fp_local", service_tier: "default" };
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  send({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "", refusal: null }, logprobs: null, finish_reason: null }], usage: null });
  for (const piece of chunksOf(step.content)) send({ ...base, choices: [{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }], usage: null });
  send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }], usage: null });
  send({ ...base, choices: [], usage });
  response.end("data: [DONE]\n\n");
}

function anthropicAnswer(response: http.ServerResponse, step: Extract<WireStep, { kind: "answer" }>, model: string, stream: boolean, body: Record<string, unknown>): void {
  const id = `msg_${Math.random().toString(36).slice(2, 14)}`;
  const toolChoice = body.tool_choice as { type?: string; name?: string } | undefined;
  const tool = toolChoice?.type === "tool" ? toolChoice.name : undefined;
  const usage = { input_tokens: step.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: step.outputTokens, service_tier: "standard" };
  if (!stream) {
    // A forced tool's input is an object: the model's JSON, parsed as the API does (a malformed one stays text).
    let content: unknown[] = [{ type: "text", text: step.content }];
    if (tool) {
      try {
        content = [{ type: "tool_use", id: `toolu_${id}`, name: tool, input: JSON.parse(step.content) }];
      } catch {
        content = [{ type: "text", text: step.content }];
      }
    }
    response.writeHead(200, { "content-type": "application/json", "request-id": `req_${id}` });
    response.end(JSON.stringify({ id, type: "message", role: "assistant", model, content, stop_reason: tool ? "tool_use" : "end_turn", stop_sequence: null, usage }));
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  const send = (event: string, payload: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  send("message_start", { type: "message_start", message: { id, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } });
  send("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
  send("ping", { type: "ping" });
  for (const piece of chunksOf(step.content)) send("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } });
  send("content_block_stop", { type: "content_block_stop", index: 0 });
  send("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: step.outputTokens } });
  send("message_stop", { type: "message_stop" });
  response.end();
}

function ollamaAnswer(response: http.ServerResponse, step: Extract<WireStep, { kind: "answer" }>, model: string, stream: boolean): void {
  const createdAt = () => new Date().toISOString();
  const final = {
    model, created_at: createdAt(), message: { role: "assistant", content: stream ? "" : step.content }, done: true, done_reason: "stop",
    total_duration: 812_345_678, load_duration: 12_345_678, prompt_eval_count: step.inputTokens, prompt_eval_duration: 123_456_789,
    eval_count: step.outputTokens, eval_duration: 654_321_000,
  };
  if (!stream) {
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(final));
    return;
  }
  response.writeHead(200, { "content-type": "application/x-ndjson" });
  for (const piece of chunksOf(step.content)) response.write(`${JSON.stringify({ model, created_at: createdAt(), message: { role: "assistant", content: piece }, done: false })}\n`);
  response.end(`${JSON.stringify(final)}\n`);
}

function errorBody(flavour: Flavour, status: number): unknown {
  const message = status === 429 ? "Rate limit reached for requests" : "The server had an error while processing your request.";
  if (flavour === "anthropic") return { type: "error", error: { type: status === 429 ? "rate_limit_error" : "api_error", message } };
  if (flavour === "ollama") return { error: message };
  return { error: { message, type: status === 429 ? "requests" : "server_error", param: null, code: status === 429 ? "rate_limit_exceeded" : null } };
}

const paths: Record<Flavour, string> = { openai: "/v1/chat/completions", anthropic: "/v1/messages", ollama: "/api/chat" };

/** Starts a server of one flavour on `port` (127.0.0.1), or on a free port when that one is taken. */
export async function startWireServer(flavour: Flavour, port: number, answerer: WireServer["answerer"]): Promise<WireServer> {
  const server: WireServer = { baseUrl: "", exchanges: [], script: [], answerer, close: async () => undefined };
  const httpServer = http.createServer(async (request, response) => {
    if (request.method !== "POST" || request.url !== paths[flavour]) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify(errorBody(flavour, 404)));
      return;
    }
    const body = await readJson(request);
    const stream = flavour === "ollama" ? body.stream !== false : body.stream === true;
    const step = server.script.shift() ?? server.answerer(body);
    const model = String(body.model);
    if (step.kind === "hang") {
      server.exchanges.push({ path: request.url, body, stream, status: 0 });
      const timer = setTimeout(() => response.destroy(), step.ms);
      request.on("close", () => clearTimeout(timer));
      return;
    }
    if (step.kind === "status") {
      server.exchanges.push({ path: request.url, body, stream, status: step.status });
      response.writeHead(step.status, { "content-type": "application/json", ...step.headers });
      response.end(JSON.stringify(step.body ?? errorBody(flavour, step.status)));
      return;
    }
    const answeredModel = step.model ?? model;
    server.exchanges.push({ path: request.url, body, stream, status: 200, usage: { inputTokens: step.inputTokens, outputTokens: step.outputTokens }, model: answeredModel });
    if (flavour === "openai") openaiAnswer(response, step, answeredModel, stream);
    else if (flavour === "anthropic") anthropicAnswer(response, step, answeredModel, stream, body);
    else ollamaAnswer(response, step, answeredModel, stream);
  });
  // The port asked for, or any free one when another run of the same suite holds it.
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? httpServer.listen(0, "127.0.0.1", resolve) : reject(error)));
    httpServer.listen(port, "127.0.0.1", resolve);
  });
  const address = httpServer.address() as AddressInfo;
  server.baseUrl = flavour === "openai" ? `http://127.0.0.1:${address.port}/v1` : `http://127.0.0.1:${address.port}`;
  server.close = () => new Promise((resolve) => {
    httpServer.closeAllConnections();
    httpServer.close(() => resolve());
  });
  return server;
}

/** The prompt text of a request of any flavour (its last user message). */
export function promptOf(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as Array<{ role: string; content: unknown }>;
  const last = [...messages].reverse().find((message) => message.role === "user");
  return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
}
