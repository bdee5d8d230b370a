import path from "node:path";
import { MotifError } from "@/lib/errors";
import { emptyTrace, lineCount, type SessionTrace } from "./session-trace";

type Block = { type?: string; text?: string; name?: string; input?: Record<string, unknown>; content?: unknown; is_error?: boolean };
type Usage = { input_tokens?: number; output_tokens?: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number };
type Entry = { type?: string; timestamp?: string; cwd?: string; isSidechain?: boolean; message?: { id?: string; role?: string; model?: string; content?: string | Block[]; usage?: Usage } };

const writeTools = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((block: Block) => (typeof block === "string" ? block : block.text ?? "")).join("\n");
  return "";
}

function relative(file: unknown, cwd: string | undefined): string {
  const name = String(file ?? "");
  return cwd && path.isAbsolute(name) ? path.relative(cwd, name) || name : name;
}

function readEntries(text: string): Entry[] {
  return text.split("\n").filter((line) => line.trim()).map((line, index) => {
    try {
      return JSON.parse(line) as Entry;
    } catch {
      throw new MotifError("bad_request:input", `transcript line ${index + 1} is not JSON`);
    }
  });
}

function recordToolUse(trace: SessionTrace, block: Block, cwd: string | undefined): void {
  trace.toolCalls += 1;
  const input = block.input ?? {};
  const file = relative(input.file_path ?? input.notebook_path, cwd);
  if (block.name === "Read" && file) trace.filesRead.push(file);
  if (!writeTools.has(block.name ?? "") || !file) return;
  const edits = block.name === "MultiEdit" ? ((input.edits ?? []) as Array<{ old_string?: string; new_string?: string }>) : [{ old_string: input.old_string as string | undefined, new_string: (input.new_string ?? input.content ?? input.new_source) as string | undefined }];
  for (const edit of edits) {
    trace.written.push({ file, code: String(edit.new_string ?? "") });
    trace.linesAdded += lineCount(String(edit.new_string ?? ""));
    trace.linesRemoved += lineCount(String(edit.old_string ?? ""));
  }
}

// Claude Code writes one line per content block of an assistant message, each repeating the
// message's usage (the last with the final output count): a message counts once, at its largest.
function addUsage(trace: SessionTrace, seen: Map<string, { model: string; usage: Usage }>): void {
  for (const { model, usage } of seen.values()) {
    const own = (trace.usageByModel[model] ??= { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
    for (const target of [own, trace.usage]) {
      target.inputTokens += usage.input_tokens ?? 0;
      target.outputTokens += usage.output_tokens ?? 0;
      target.cacheReadTokens += usage.cache_read_input_tokens ?? 0;
      target.cacheWriteTokens += usage.cache_creation_input_tokens ?? 0;
    }
  }
  trace.models = [...new Set([...seen.values()].map((entry) => entry.model))];
}

/**
 * Reads a Claude Code session transcript (~/.claude/projects/…/<session>.jsonl): user and
 * assistant lines with text, tool_use and tool_result blocks, the usage of each assistant
 * message (counted once per message id), timestamps and the working directory, against which
 * file paths are made relative.
 */
export function parseClaudeCode(text: string): SessionTrace {
  const trace = emptyTrace("claude_code_jsonl");
  const usageById = new Map<string, { model: string; usage: Usage }>();
  for (const entry of readEntries(text)) {
    if ((entry.type !== "user" && entry.type !== "assistant") || !entry.message || entry.isSidechain) continue;
    trace.startedAt ??= entry.timestamp ?? null;
    trace.endedAt = entry.timestamp ?? trace.endedAt;
    const blocks: Block[] = typeof entry.message.content === "string" ? [{ type: "text", text: entry.message.content }] : entry.message.content ?? [];
    if (entry.type === "user") {
      const results = blocks.filter((block) => block.type === "tool_result");
      if (results.length === 0) {
        trace.messages += 1;
        if (!trace.prompt) trace.prompt = textOf(blocks).trim();
      }
      for (const result of results.filter((block) => block.is_error)) trace.toolErrors.push(textOf(result.content).trim().slice(0, 300));
      continue;
    }
    const { id, model = "unknown", usage } = entry.message;
    if (id && usage) {
      const previous = usageById.get(id);
      if (!previous) trace.messages += 1;
      if (!previous || (usage.output_tokens ?? 0) >= (previous.usage.output_tokens ?? 0)) usageById.set(id, { model, usage });
    }
    for (const block of blocks) {
      if (block.type === "tool_use") recordToolUse(trace, block, entry.cwd);
      if (block.type === "text" && block.text?.trim()) trace.finalMessage = block.text.trim();
    }
  }
  addUsage(trace, usageById);
  if (!trace.prompt) throw new MotifError("bad_request:input", "the transcript has no user prompt (no user line with text)");
  return trace;
}
