import { patternDescriptionSchema, type PatternDescription } from "@/lib/domain";
import type { PatternToDescribe } from "@/lib/db";
import { designPatternKinds } from "@/lib/domain";
import type { LlmTask } from "@/lib/llm";
import { estimateTokens } from "@/lib/prompts";

const maxCodeChars = 6000;
// Past this cyclomatic complexity a pattern takes more than a local model's reading.
const complexAbove = 10;

const system = `You review reusable code patterns for a team's pattern catalogue. For each pattern you get its code and what static analysis found.
Give it a human name (a few words, every word of its main identifier kept where it helps, e.g. "Async Database Transaction with Retry"), a description of two or three sentences (what it does, when to reach for it), and a verdict on the detected design-pattern kind.
Known kinds: ${designPatternKinds.join(", ")}.`;

function evidenceOf(pattern: PatternToDescribe): string {
  const evidence = (pattern.content as { evidence?: unknown }).evidence;
  return Array.isArray(evidence) ? evidence.slice(0, 6).map(String).join("; ") : "";
}

function promptOf(pattern: PatternToDescribe): string {
  const lines = [
    `Pattern type: ${pattern.pattern_type}; language: ${pattern.language ?? "unknown"}; cyclomatic complexity: ${pattern.complexity ?? "unknown"}.`,
    `Detected kind: ${pattern.kind ?? "none"}${evidenceOf(pattern) ? ` (evidence: ${evidenceOf(pattern)})` : ""}.`,
    `Extractor's name: ${pattern.name}.`,
    `Extractor's description: ${pattern.description}`,
    pattern.tags.length > 0 ? `Tags: ${pattern.tags.join(", ")}.` : "",
    pattern.dependencies.length > 0 ? `Depends on: ${pattern.dependencies.slice(0, 12).join(", ")}.` : "",
    pattern.qualnames.length > 0 ? `Occurs as: ${pattern.qualnames.join(", ")} in ${pattern.files.join(", ")}.` : "",
    "",
    "Code:",
    "```",
    pattern.code.length > maxCodeChars ? `${pattern.code.slice(0, maxCodeChars)}\n… (cut)` : pattern.code,
    "```",
    "",
    pattern.kind
      ? `Is it really ${pattern.kind}? kind_verdict "confirmed" if so, else "rejected" with the right kind (or null) as suggested_kind.`
      : `No kind was detected: kind_verdict "not_applicable", and suggested_kind a known kind only if the code clearly implements one, else null.`,
  ];
  return lines.filter((line) => line !== "").join("\n");
}

/**
 * The routed task that names and describes one pattern. Confirming a detected design-pattern
 * kind, or reading complex code, is complex work (a commercial model); naming a plain helper
 * is simple (the local model). Either may fall back to the local model.
 */
export function describeTaskFor(pattern: PatternToDescribe): LlmTask<PatternDescription> {
  const prompt = promptOf(pattern);
  return {
    task: "describe_pattern",
    needs: {
      inputTokens: estimateTokens(system) + estimateTokens(prompt),
      reasoning: pattern.kind !== null || (pattern.complexity ?? 0) > complexAbove ? "complex" : "simple",
      structured: true,
      localAllowed: true,
    },
    system,
    prompt,
    schema: patternDescriptionSchema,
    maxOutputTokens: 400,
  };
}
