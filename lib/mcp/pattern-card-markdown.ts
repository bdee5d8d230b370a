import type { PatternDetails } from "@/lib/patterns";

const shownOccurrences = 10;
const maxCodeLines = 80;

/**
 * A pattern as a Markdown card for an agent's context: name, kind, description, quality and
 * success, where it stands in code, and its representative code (first 80 lines).
 */
export function patternCardMarkdown(pattern: PatternDetails): string {
  const what = [pattern.kind?.replaceAll("_", " ") ?? pattern.pattern_type.replaceAll("_", " "), pattern.language].filter(Boolean).join(", ");
  const quality = pattern.quality_score === null ? "quality unknown" : `quality ${pattern.quality_score.toFixed(2)}`;
  const success = pattern.success_rate === null
    ? "no reported outcomes yet"
    : `${Math.round(pattern.success_rate * 100)}% of ${pattern.success_count + pattern.failure_count} reported uses succeeded`;
  const places = pattern.occurrences.slice(0, shownOccurrences).map((occurrence) =>
    `- ${occurrence.file_path}:${occurrence.start_line}-${occurrence.end_line}${occurrence.qualname ? ` ${occurrence.qualname}` : ""}`);
  if (pattern.occurrences.length > shownOccurrences) places.push(`- … ${pattern.occurrences.length - shownOccurrences} more`);
  const lines = (pattern.code ?? "").replace(/\s+$/, "").split("\n");
  const code = lines.slice(0, maxCodeLines).join("\n") + (lines.length > maxCodeLines ? `\n${pattern.language === "python" ? "#" : "//"} …` : "");
  return [
    `# ${pattern.name} (${what})`,
    pattern.description,
    `${quality}; ${success}; version ${pattern.version}, ${pattern.status}`,
    places.length > 0 ? `## Where it is used\n${places.join("\n")}` : "Not seen in code yet.",
    code ? `## Code\n\`\`\`${pattern.language ?? ""}\n${code}\n\`\`\`` : "",
  ].filter(Boolean).join("\n\n");
}
