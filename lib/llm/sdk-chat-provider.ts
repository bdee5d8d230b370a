import type { LlmProviderName } from "@/lib/domain";
import { classifyProviderError } from "./classify-provider-error";
import type { LlmCallRequest, LlmCallResult, LlmProvider } from "./llm-provider";

/** One way an SDK answers a call: streamed or whole, cut off by the signal. */
type SdkCall = (request: LlmCallRequest, signal: AbortSignal) => Promise<LlmCallResult>;

/**
 * A commercial provider over its SDK's two ways of answering: streamed when someone watches
 * the text (`onText`), else whole; each call bounded by the request's timeout, and a failure
 * classified for the router (status, retry-after, credentials kept out of the message).
 */
export function sdkChatProvider(options: {
  name: LlmProviderName;
  label: string;
  baseUrl: string;
  apiKey: string;
  streamed: SdkCall;
  whole: SdkCall;
}): LlmProvider {
  const target = { label: options.label, baseUrl: options.baseUrl, secret: options.apiKey };
  return {
    name: options.name,
    isLocal: false,
    baseUrl: options.baseUrl,
    async call(request) {
      const signal = AbortSignal.timeout(request.timeoutMs);
      try {
        return await (request.onText ? options.streamed(request, signal) : options.whole(request, signal));
      } catch (error) {
        throw classifyProviderError(error, target);
      }
    },
  };
}
