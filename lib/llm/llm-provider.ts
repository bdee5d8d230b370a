import type { LlmProviderName } from "@/lib/domain";
import type { TokenUsage } from "./price-table";

/** One request to a model: a system message, a prompt, and how the answer must look. */
export interface LlmCallRequest {
  model: string;
  system: string;
  prompt: string;
  /** When set, the answer must be JSON matching this JSON Schema (each provider asks in its own way). */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  maxOutputTokens: number;
  /** The whole call's deadline. */
  timeoutMs: number;
  /** When set, the answer is streamed and each piece of text passed here as it arrives. */
  onText?: (delta: string) => void;
}

/** A model's answer: its text (JSON text for structured requests), the model that answered, the tokens it counted. */
export interface LlmCallResult {
  text: string;
  model: string;
  usage: TokenUsage;
}

/** A language-model provider reached through its official SDK. */
export interface LlmProvider {
  name: LlmProviderName;
  isLocal: boolean;
  /** Where it is reached (never carries credentials), for messages. */
  baseUrl: string;
  call(request: LlmCallRequest): Promise<LlmCallResult>;
}
