import type { SessionReport } from "@/lib/domain";

const usd = (value: number | null) => (value === null ? "unknown (a model is not in the price table)" : `$${value.toFixed(4)}`);
const tokens = (value: number) => value.toLocaleString("en-US");

function duration(seconds: number | null): string {
  if (seconds === null) return "unknown";
  return seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
}

function quote(text: string): string {
  return text.split("\n").slice(0, 12).map((line) => `> ${line}`).join("\n");
}

/** A session report as Markdown: outcome, prompt, activity, tokens and cost, patterns used and missed, the judgement. */
export function renderSessionReport(title: string, report: Omit<SessionReport, "markdown">): string {
  const { activity, agent } = report;
  const judged = report.judged_by ? `judged by ${report.judged_by.provider} ${report.judged_by.model}` : `not judged: ${report.judgement_note}`;
  const lines = [
    `# Session: ${title}`,
    "",
    `**Outcome:** ${report.outcome} (${judged})`,
    "",
    quote(report.prompt),
    "",
    "## Activity",
    "",
    "| | |",
    "|---|---|",
    `| format | ${report.format} |`,
    `| duration | ${duration(activity.duration_seconds)} |`,
    `| messages | ${activity.messages} |`,
    `| tool calls | ${activity.tool_calls} (${activity.tool_errors} failed) |`,
    `| lines | +${activity.lines_added} / -${activity.lines_removed} |`,
    `| files changed | ${activity.files_changed.map((file) => `\`${file}\``).join(", ") || "none"} |`,
    `| files read | ${activity.files_read.length} |`,
    "",
    "## Tokens and cost",
    "",
    `${agent.models.join(", ") || "no model named"}: ${tokens(agent.input_tokens)} input, ${tokens(agent.cache_read_tokens)} cache read, ${tokens(agent.cache_write_tokens)} cache write, ${tokens(agent.output_tokens)} output tokens; cost ${usd(agent.cost_usd)}.`,
    "",
    "## Patterns used",
    "",
    ...(report.patterns_used.length === 0
      ? ["None of the project's patterns."]
      : report.patterns_used.map((use) => `- **${use.name}**${use.kind ? ` (${use.kind})` : ""}: \`${use.file}\` \`${use.qualname}\`, by ${use.matched_by} (similarity ${use.similarity})${use.rating ? `; rated ${use.rating}/5${use.comment ? `: ${use.comment}` : ""}` : ""}`)),
    "",
    "## Patterns that fit the task but were not used",
    "",
    ...(report.patterns_missed.length === 0 ? ["None."] : report.patterns_missed.map((miss) => `- **${miss.name}**${miss.kind ? ` (${miss.kind})` : ""}, confidence ${miss.confidence}`)),
  ];
  if (report.judgement_summary) lines.push("", "## Judgement", "", report.judgement_summary);
  return `${lines.join("\n")}\n`;
}

/** Two sessions side by side in Markdown: outcome, time, work, tokens, cost and patterns. */
export function renderSessionComparison(left: { title: string; report: SessionReport }, right: { title: string; report: SessionReport }): string {
  const row = (label: string, read: (report: SessionReport) => string) => `| ${label} | ${read(left.report)} | ${read(right.report)} |`;
  const names = (report: SessionReport) => report.patterns_used.map((use) => use.name).join(", ") || "none";
  return [
    `# Sessions compared`,
    "",
    `| | ${left.title} | ${right.title} |`,
    "|---|---|---|",
    row("outcome", (report) => report.outcome),
    row("duration", (report) => duration(report.activity.duration_seconds)),
    row("messages", (report) => String(report.activity.messages)),
    row("tool calls (failed)", (report) => `${report.activity.tool_calls} (${report.activity.tool_errors})`),
    row("lines", (report) => `+${report.activity.lines_added} / -${report.activity.lines_removed}`),
    row("output tokens", (report) => tokens(report.agent.output_tokens)),
    row("input tokens (incl. cache)", (report) => tokens(report.agent.input_tokens + report.agent.cache_read_tokens + report.agent.cache_write_tokens)),
    row("cost", (report) => (report.agent.cost_usd === null ? "unknown" : `$${report.agent.cost_usd.toFixed(4)}`)),
    row("patterns used", names),
    row("patterns missed", (report) => report.patterns_missed.map((miss) => miss.name).join(", ") || "none"),
    "",
  ].join("\n");
}
