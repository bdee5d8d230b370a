import type { ChatRequest, ChatResponse } from "ollama";
import { classifyProviderError } from "./classify-provider-error";
import type { LlmCallRequest, LlmCallResult, LlmProvider } from "./llm-provider";

function usageOf(response: Partial<ChatResponse> | undefined) {
  return { inputTokens: response?.prompt_eval_count ?? 0, outputTokens: response?.eval_count ?? 0 };
}

function requestOf(request: LlmCallRequest): ChatRequest {
  return {
    model: request.model,
    messages: [
      { role: "system", content: request.system },
      { role: "user", content: request.prompt },
    ],
    options: { num_predict: request.maxOutputTokens },
    ...(request.jsonSchema ? { format: request.jsonSchema.schema } : {}),
  };
}

/**
 * Chat through the official Ollama SDK (`/api/chat`): streamed as NDJSON when someone watches,
 * else one JSON answer. Tokens are Ollama's prompt_eval_count and eval_count. The SDK has no
 * timeout of its own: its fetch carries the call's deadline.
 */
export function createOllamaChatProvider(options: { host: string }): LlmProvider {
  const target = { label: "Ollama", baseUrl: options.host };

  async function call(request: LlmCallRequest): Promise<LlmCallResult> {
    const deadline = AbortSignal.timeout(request.timeoutMs);
    // The SDK is loaded on the first call: commands that never call a model (ingest) start faster.
    const { Ollama } = await import("ollama");
    const client = new Ollama({
      host: options.host,
      fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline }),
    });
    if (!request.onText) {
      const response = await client.chat({ ...requestOf(request), stream: false });
      return { text: response.message.content, model: response.model || request.model, usage: usageOf(response) };
    }
    let text = "";
    let last: ChatResponse | undefined;
    for await (const part of await client.chat({ ...requestOf(request), stream: true })) {
      if (part.message?.content) {
        text += part.message.content;
        request.onText(part.message.content);
      }
      last = part;
    }
    return { text, model: last?.model || request.model, usage: usageOf(last) };
  }

  return {
    name: "ollama",
    isLocal: true,
    baseUrl: options.host,
    async call(request) {
      try {
        return await call(request);
      } catch (error) {
        throw classifyProviderError(error, target);
      }
    },
  };
}
