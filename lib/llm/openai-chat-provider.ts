import type OpenAI from "openai";
import type { ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import type { LlmCallRequest, LlmCallResult, LlmProvider } from "./llm-provider";
import { sdkChatProvider } from "./sdk-chat-provider";

/** How to reach OpenAI (or an OpenAI-compatible server) for chat completions. */
export interface OpenAIChatOptions {
  apiKey: string;
  baseUrl: string;
}

type Usage = { prompt_tokens?: number; completion_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } | null } | null | undefined;

function usageOf(usage: Usage) {
  return {
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

function paramsOf(request: LlmCallRequest): ChatCompletionCreateParamsBase {
  return {
    model: request.model,
    messages: [
      { role: "system", content: request.system },
      { role: "user", content: request.prompt },
    ],
    max_completion_tokens: request.maxOutputTokens,
    ...(request.jsonSchema
      ? { response_format: { type: "json_schema", json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: false } } }
      : {}),
  };
}

/**
 * Chat completions through the official OpenAI SDK. Streaming asks for the usage chunk
 * (`stream_options.include_usage`), so streamed calls are counted as exactly as the others.
 * The SDK's own retries are off: the router retries, and records every attempt.
 */
export function createOpenAIChatProvider(options: OpenAIChatOptions): LlmProvider {
  // The SDK is loaded on the first call: commands that never call a model (ingest) start faster.
  let client: Promise<OpenAI> | undefined;
  const connect = () => (client ??= import("openai").then(({ default: Sdk }) => new Sdk({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 })));

  async function streamed(request: LlmCallRequest, signal: AbortSignal): Promise<LlmCallResult> {
    const stream = await (await connect()).chat.completions.create(
      { ...paramsOf(request), stream: true, stream_options: { include_usage: true } },
      { signal, timeout: request.timeoutMs },
    );
    let text = "";
    let model = request.model;
    let usage: Usage;
    for await (const chunk of stream) {
      model = chunk.model || model;
      const delta = chunk.choices[0]?.delta?.content ?? "";
      if (delta) {
        text += delta;
        request.onText?.(delta);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    return { text, model, usage: usageOf(usage) };
  }

  async function whole(request: LlmCallRequest, signal: AbortSignal): Promise<LlmCallResult> {
    const completion = await (await connect()).chat.completions.create({ ...paramsOf(request), stream: false }, { signal, timeout: request.timeoutMs });
    return { text: completion.choices[0]?.message?.content ?? "", model: completion.model || request.model, usage: usageOf(completion.usage) };
  }

  return sdkChatProvider({ name: "openai", label: "OpenAI", baseUrl: options.baseUrl, apiKey: options.apiKey, streamed, whole });
}
