import { sessionJudgementSchema, type SessionJudgement, type SessionPatternUse } from "@/lib/domain";
import type { LlmTask } from "@/lib/llm";
import { estimateTokens } from "@/lib/prompts";
import type { SessionTrace } from "./session-trace";

const maxCodeChars = 6000;

const system = `You review a coding agent's work session for a team's engineering lead. From the task, what the agent did, the errors it met and its own last words, judge whether the session did what was asked: "successful" (done and checked), "partial" (done in part, or not checked), or "failed". Then rate each pattern of the team's catalogue that the session's code uses (1 = it got in the way, 5 = it served perfectly), by pattern_id.`;

function codeExcerpt(trace: SessionTrace): string {
  let text = "";
  for (const { file, code } of trace.written) {
    const piece = `--- ${file}\n${code}\n`;
    if (text.length + piece.length > maxCodeChars) return `${text}… (more code cut)`;
    text += piece;
  }
  return text;
}

function promptOf(trace: SessionTrace, used: SessionPatternUse[]): string {
  return [
    `Task: ${trace.prompt.slice(0, 4000)}`,
    `Activity: ${trace.messages} messages, ${trace.toolCalls} tool calls, ${trace.toolErrors.length} tool errors, +${trace.linesAdded}/-${trace.linesRemoved} lines in ${[...new Set(trace.written.map((write) => write.file))].join(", ") || "no files"}.`,
    trace.toolErrors.length > 0 ? `Tool errors (last ${Math.min(5, trace.toolErrors.length)}):\n${trace.toolErrors.slice(-5).map((error) => `- ${error.replace(/\s+/g, " ").slice(0, 240)}`).join("\n")}` : "No tool errors.",
    `The agent's last words: ${trace.finalMessage.slice(0, 2000) || "(none)"}`,
    used.length > 0
      ? `Catalogue patterns the code uses:\n${used.map((use) => `- pattern_id ${use.pattern_id}: ${use.name}${use.kind ? ` (${use.kind})` : ""}, in ${use.file} as ${use.qualname}`).join("\n")}`
      : "The code uses no catalogue pattern: answer pattern_ratings as [].",
    `Code written:\n${codeExcerpt(trace) || "(none)"}`,
  ].join("\n\n");
}

/** The routed task that judges a session's outcome and rates the patterns it used: complex work, local allowed. */
export function judgeTaskFor(trace: SessionTrace, used: SessionPatternUse[], onText?: (delta: string) => void): LlmTask<SessionJudgement> {
  const prompt = promptOf(trace, used);
  return {
    task: "analyse_session",
    needs: { inputTokens: estimateTokens(system) + estimateTokens(prompt), reasoning: "complex", structured: true, localAllowed: true },
    system,
    prompt,
    schema: sessionJudgementSchema,
    maxOutputTokens: 800,
    onText,
  };
}
