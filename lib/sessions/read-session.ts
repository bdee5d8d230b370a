import type { SessionAnalyzeRequest } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { parseClaudeCode } from "./parse-claude-code";
import { parseOpenAIMessages } from "./parse-openai-messages";
import { parseUnifiedDiff } from "./parse-unified-diff";
import type { SessionTrace } from "./session-trace";

// Claude Code lines carry a type of user/assistant/summary with a sessionId or message;
// OpenAI messages carry a role at the top level.
function looksLikeClaudeCode(text: string): boolean {
  for (const line of text.split("\n").slice(0, 20)) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (["user", "assistant"].includes(String(entry.type)) && typeof entry.message === "object") return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** Reads a session as the request gives it: a diff with its prompt, or a transcript in either format (told apart by its lines). */
export function readSession(request: Pick<SessionAnalyzeRequest, "transcript" | "diff" | "prompt">): SessionTrace {
  if (request.diff !== undefined) return parseUnifiedDiff(request.diff, request.prompt ?? "");
  const transcript = request.transcript ?? "";
  if (looksLikeClaudeCode(transcript)) return parseClaudeCode(transcript);
  try {
    return parseOpenAIMessages(transcript);
  } catch (error) {
    if (error instanceof MotifError) throw new MotifError("bad_request:input", `transcript: not a Claude Code JSONL transcript nor OpenAI-format messages (${error.message})`);
    throw error;
  }
}
