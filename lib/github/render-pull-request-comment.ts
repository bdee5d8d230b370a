import type { PullRequestInsight } from "./compare-pull-request";

/** The hidden marker that finds Motif's comment on a pull request again. */
export const pullRequestMarker = "<!-- motif:pull-request-insight -->";

/** What a comment links to and compares with. */
export interface CommentContext {
  repository: string;
  /** The commit Motif last ingested, which the pull request is compared with. */
  comparedWith: string | null;
  projectUrl: string;
  /** Dashboard links of existing patterns, by extraction key. */
  patternUrls: ReadonlyMap<string, string>;
}

const at = (place: { file: string; line: number }) => `\`${place.file}:${place.line}\``;
const signed = (value: number, digits = 0) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(digits)}`;
const linked = (text: string, url: string | undefined) => (url ? `[${text}](${url})` : text);

function reuseLines(insight: PullRequestInsight, context: CommentContext): string[] {
  return insight.reuse.slice(0, 20).map((hint) => {
    const verb = hint.how === "same" ? "looks like" : "is close to";
    const pattern = linked(hint.patternName, context.patternUrls.get(hint.patternKey));
    return `- \`${hint.unit.qualname}\` (${at(hint.unit)}) ${verb} \`${hint.existing.qualname}\` in ${at(hint.existing)} — reuse it (pattern: ${pattern})`;
  });
}

function newPatternLines(insight: PullRequestInsight): string[] {
  return insight.newPatterns.slice(0, 20).map((pattern) =>
    `- **${pattern.name}**${pattern.kind ? ` (\`${pattern.kind}\`)` : ""} — ${pattern.places.map((place) => `\`${place.qualname}\` ${at(place)}`).join(", ")}`);
}

function complexityLine(insight: PullRequestInsight): string {
  const { delta, changes } = insight.complexity;
  if (changes.length === 0) return "**Complexity:** unchanged in the changed files.";
  const shown = changes.slice(0, 5).map((change) => `\`${change.qualname}\` ${change.before ?? "new"} → ${change.after ?? "removed"}`);
  return `**Complexity:** ${signed(delta)} cyclomatic over ${changes.length} unit${changes.length === 1 ? "" : "s"} (${shown.join(", ")}${changes.length > 5 ? ", …" : ""}).`;
}

function qualityLine(insight: PullRequestInsight): string {
  const { before, after } = insight.quality;
  if (before === null && after === null) return "**Quality:** no patterns in the changed files.";
  if (before === null || after === null) return `**Quality:** ${(before ?? after)!.toFixed(2)} ${before === null ? "(new code only)" : "before; none after"}.`;
  return `**Quality:** ${before.toFixed(2)} → ${after.toFixed(2)} (${signed(after - before, 2)}), mean score of the patterns with code in the changed files.`;
}

/**
 * The pull-request comment: code that repeats an existing pattern (with the file and line to
 * reuse), new patterns, detected design-pattern kinds, complexity and quality deltas, links.
 */
export function renderPullRequestComment(insight: PullRequestInsight, context: CommentContext): string {
  const compared = context.comparedWith ? ` \`${context.comparedWith.slice(0, 7)}\`` : "";
  const lines = [
    "### Motif: patterns in this pull request",
    `${insight.changedFiles.length} source file${insight.changedFiles.length === 1 ? "" : "s"} changed, ${insight.newUnits} new or changed function${insight.newUnits === 1 ? "" : "s"} or class${insight.newUnits === 1 ? "" : "es"}, compared with ${context.repository}${compared} as Motif last ingested it.`,
    "",
  ];
  const reuse = reuseLines(insight, context);
  if (reuse.length > 0) lines.push("**Already in the codebase**", ...reuse, "");
  const fresh = newPatternLines(insight);
  if (fresh.length > 0) lines.push("**New patterns**", ...fresh, "");
  if (reuse.length === 0 && fresh.length === 0) lines.push("No new functions or classes.", "");
  lines.push(`**Detected kinds:** ${insight.kinds.length > 0 ? insight.kinds.map((kind) => `\`${kind}\``).join(", ") : "none"}`);
  lines.push(complexityLine(insight), qualityLine(insight), "", `[Open the project in Motif](${context.projectUrl})`);
  return lines.join("\n");
}

/** The comment when Motif has not read the repository yet: nothing to compare with. */
export function renderNotIngestedComment(repository: string, slug: string): string {
  return [
    "### Motif: patterns in this pull request",
    `Motif has not read ${repository} yet, so it has nothing to compare this pull request with.`,
    `A push to the default branch, or \`motif ingest . --project ${slug} --repository ${repository}\` in a checkout, gives it the code.`,
  ].join("\n");
}
