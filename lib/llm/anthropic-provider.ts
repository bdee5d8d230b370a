import type Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import type { LlmCallRequest, LlmCallResult, LlmProvider } from "./llm-provider";
import { sdkChatProvider } from "./sdk-chat-provider";

/** How to reach Anthropic's Messages API. */
export interface AnthropicOptions {
  apiKey: string;
  baseUrl: string;
}

type Usage = { input_tokens?: number | null; output_tokens?: number | null; cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null };

// Anthropic counts cache reads and writes apart from input_tokens; Motif's input is all of them.
function usageOf(usage: Usage) {
  const cachedInputTokens = usage.cache_read_input_tokens ?? 0;
  const cacheWriteTokens = usage.cache_creation_input_tokens ?? 0;
  return { inputTokens: (usage.input_tokens ?? 0) + cachedInputTokens + cacheWriteTokens, outputTokens: usage.output_tokens ?? 0, cachedInputTokens, cacheWriteTokens };
}

// Structured answers come as the input of a tool the model must call: Anthropic's way to JSON.
function paramsOf(request: LlmCallRequest): MessageCreateParamsBase {
  const tool = request.jsonSchema;
  return {
    model: request.model,
    system: request.system,
    max_tokens: request.maxOutputTokens,
    messages: [{ role: "user", content: request.prompt }],
    ...(tool
      ? {
          tools: [{ name: tool.name, description: "Give the answer.", input_schema: { ...tool.schema, type: "object" } }],
          tool_choice: { type: "tool", name: tool.name },
        }
      : {}),
  };
}

/**
 * Messages through the official Anthropic SDK; streamed calls read the event stream
 * (message_start carries the input tokens, message_delta the output tokens). Structured
 * answers are the forced tool call's input, as JSON text. The SDK's own retries are off.
 */
export function createAnthropicProvider(options: AnthropicOptions): LlmProvider {
  // The SDK is loaded on the first call: commands that never call a model (ingest) start faster.
  let client: Promise<Anthropic> | undefined;
  const connect = () => (client ??= import("@anthropic-ai/sdk").then(({ default: Sdk }) => new Sdk({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 })));

  async function streamed(request: LlmCallRequest, signal: AbortSignal): Promise<LlmCallResult> {
    const stream = await (await connect()).messages.create({ ...paramsOf(request), stream: true }, { signal, timeout: request.timeoutMs });
    let text = "";
    let model = request.model;
    let usage: Usage = {};
    for await (const event of stream) {
      if (event.type === "message_start") {
        model = event.message.model || model;
        usage = { ...event.message.usage };
      } else if (event.type === "message_delta") {
        usage = { ...usage, ...Object.fromEntries(Object.entries(event.usage).filter(([, value]) => value !== null && value !== undefined)) };
      } else if (event.type === "content_block_delta") {
        const delta = event.delta.type === "text_delta" ? event.delta.text : event.delta.type === "input_json_delta" ? event.delta.partial_json : "";
        text += delta;
        if (delta && event.delta.type === "text_delta") request.onText?.(delta);
      }
    }
    return { text, model, usage: usageOf(usage) };
  }

  async function whole(request: LlmCallRequest, signal: AbortSignal): Promise<LlmCallResult> {
    const message = await (await connect()).messages.create({ ...paramsOf(request), stream: false }, { signal, timeout: request.timeoutMs });
    const text = message.content
      .map((block) => (block.type === "text" ? block.text : block.type === "tool_use" ? JSON.stringify(block.input) : ""))
      .join("");
    return { text, model: message.model || request.model, usage: usageOf(message.usage) };
  }

  return sdkChatProvider({ name: "anthropic", label: "Anthropic", baseUrl: options.baseUrl, apiKey: options.apiKey, streamed, whole });
}
