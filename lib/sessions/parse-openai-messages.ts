import { MotifError } from "@/lib/errors";
import { emptyTrace, lineCount, type SessionTrace } from "./session-trace";

type Part = { type?: string; text?: string };
type ToolCall = { type?: string; function?: { name?: string; arguments?: string } };
type Usage = { prompt_tokens?: number; completion_tokens?: number; input_tokens?: number; output_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } };
type Message = { role?: string; content?: string | Part[] | null; tool_calls?: ToolCall[]; usage?: Usage; model?: string; created_at?: string; timestamp?: string };
type Transcript = { model?: string; usage?: Usage; messages: Message[] };

const textOf = (content: Message["content"]) => (typeof content === "string" ? content : (content ?? []).map((part) => part.text ?? "").join("\n"));

/** The messages of a transcript: a JSON array, `{messages: [...]}` (a chat completions request), or JSONL, one message a line. */
export function readOpenAIMessages(text: string): Transcript {
  const trimmed = text.trim();
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    if (Array.isArray(parsed)) return { messages: parsed as Message[] };
    if (parsed && typeof parsed === "object" && Array.isArray((parsed as Transcript).messages)) return parsed as Transcript;
  } catch {
    // not one JSON document: JSONL
  }
  const messages = trimmed.split("\n").filter((line) => line.trim()).map((line, index) => {
    try {
      return JSON.parse(line) as Message;
    } catch {
      throw new MotifError("bad_request:input", `transcript line ${index + 1} is not JSON`);
    }
  });
  return { messages };
}

// Codex-style patches ("*** Add File: x" / "*** Update File: x") and unified diffs ("+++ b/x").
function patchWrites(patch: string): Array<{ file: string; code: string; removed: number }> {
  const writes: Array<{ file: string; code: string; removed: number }> = [];
  for (const line of patch.split("\n")) {
    const header = /^\*\*\* (?:Add|Update) File: (.+)$/.exec(line) ?? /^\+\+\+ (?:b\/)?(.+)$/.exec(line);
    if (header) writes.push({ file: header[1].trim(), code: "", removed: 0 });
    else if (writes.length > 0 && line.startsWith("+")) writes.at(-1)!.code += `${line.slice(1)}\n`;
    else if (writes.length > 0 && line.startsWith("-") && !line.startsWith("---")) writes.at(-1)!.removed += 1;
  }
  return writes;
}

function recordToolCall(trace: SessionTrace, call: ToolCall): void {
  trace.toolCalls += 1;
  let args: Record<string, unknown> = {};
  try {
    args = JSON.parse(call.function?.arguments ?? "{}") as Record<string, unknown>;
  } catch {
    return;
  }
  const file = String(args.path ?? args.file_path ?? args.filename ?? "");
  const patch = [args.patch, args.input, args.diff].find((value): value is string => typeof value === "string" && /^\*\*\* Begin Patch|^\+\+\+ /m.test(value));
  if (patch) {
    for (const write of patchWrites(patch)) {
      trace.written.push({ file: write.file, code: write.code });
      trace.linesAdded += lineCount(write.code);
      trace.linesRemoved += write.removed;
    }
    return;
  }
  const code = [args.content, args.new_string, args.new_str, args.text].find((value): value is string => typeof value === "string");
  if (file && code !== undefined && /write|edit|create|replace|save/i.test(call.function?.name ?? "")) {
    trace.written.push({ file, code });
    trace.linesAdded += lineCount(code);
    const old = [args.old_string, args.old_str].find((value): value is string => typeof value === "string");
    if (old) trace.linesRemoved += lineCount(old);
  } else if (file && /read|open|view|cat/i.test(call.function?.name ?? "")) {
    trace.filesRead.push(file);
  }
}

function addUsage(trace: SessionTrace, model: string, usage: Usage | undefined): void {
  if (!usage) return;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const own = (trace.usageByModel[model] ??= { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
  for (const target of [own, trace.usage]) {
    target.inputTokens += (usage.prompt_tokens ?? usage.input_tokens ?? 0) - cached;
    target.outputTokens += usage.completion_tokens ?? usage.output_tokens ?? 0;
    target.cacheReadTokens += cached;
  }
}

/**
 * Reads an OpenAI-format transcript (chat messages with tool_calls, as a JSON array,
 * `{model, messages, usage}` or JSONL): the prompt, tool calls that wrote or read files
 * (write/edit tools with a path, apply_patch-style patches), tool messages that report an
 * error, and usage where messages (or the transcript) carry it.
 */
export function parseOpenAIMessages(text: string): SessionTrace {
  const transcript = readOpenAIMessages(text);
  const trace = emptyTrace("openai_messages");
  for (const message of transcript.messages) {
    const time = message.created_at ?? message.timestamp;
    if (time) {
      trace.startedAt ??= time;
      trace.endedAt = time;
    }
    if (message.role === "user") {
      trace.messages += 1;
      if (!trace.prompt) trace.prompt = textOf(message.content).trim();
    } else if (message.role === "assistant") {
      trace.messages += 1;
      for (const call of message.tool_calls ?? []) recordToolCall(trace, call);
      if (textOf(message.content).trim()) trace.finalMessage = textOf(message.content).trim();
      addUsage(trace, message.model ?? transcript.model ?? "unknown", message.usage);
    } else if (message.role === "tool" && /^(error|Error:)|Traceback \(most recent call last\)|\b\d+ failed\b|exit code [1-9]/m.test(textOf(message.content))) {
      trace.toolErrors.push(textOf(message.content).trim().slice(0, 300));
    }
  }
  addUsage(trace, transcript.model ?? "unknown", transcript.usage);
  trace.models = Object.keys(trace.usageByModel).length > 0 ? Object.keys(trace.usageByModel) : transcript.model ? [transcript.model] : [];
  if (transcript.messages.length === 0 || !trace.prompt) throw new MotifError("bad_request:input", "the transcript has no user message");
  return trace;
}
