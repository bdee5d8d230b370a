import { asService, getProjectSlugById, type Database, type GitHubConnectionRow } from "@/lib/db";
import type { GitHubIssuePayload } from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import type { MatchedPattern } from "@/lib/domain";
import { matchPatterns } from "@/lib/search";
import { dashboardLinks } from "./dashboard-links";
import type { GitHubClient } from "./github-client";
import { upsertMarkedComment, type MarkedComment } from "./marked-comment";

/** The hidden marker of Motif's comment on an issue. */
export const issueMarker = "<!-- motif:issue-recommendations -->";
const recommendations = 5;
// Below this cosine similarity a pattern has little to do with the issue's text.
const minConfidence = 0.3;

function describe(pattern: MatchedPattern, url: string): string {
  const [first] = pattern.occurrences;
  const where = first ? ` in \`${first.file_path}:${first.start_line}\`` : "";
  const kind = pattern.kind ? ` (\`${pattern.kind}\`)` : "";
  return `- [${pattern.name}](${url})${kind}${where} — match ${pattern.confidence_score.toFixed(2)}`;
}

/**
 * An issue opened: matches its title and body against the project's patterns (the match API's
 * hybrid search) and comments with the ones that fit, each with where it stands in the code.
 */
export async function recommendForIssue(options: {
  database: Database;
  connection: GitHubConnectionRow;
  client: GitHubClient;
  payload: GitHubIssuePayload;
  embedder: EmbeddingProvider;
}): Promise<{ issue: number; patterns: string[]; comment: MarkedComment | null }> {
  const { database, connection, payload } = options;
  const { match, slug } = await asService(database, async (transaction) => ({
    match: await matchPatterns({
      transaction, projectId: connection.project_id, embedder: options.embedder,
      request: { intent: payload.issue.title, context: payload.issue.body ?? undefined, limit: recommendations, min_confidence: minConfidence },
    }),
    slug: (await getProjectSlugById({ transaction, projectId: connection.project_id })) ?? "",
  }));
  const found = match.matched_patterns;
  if (found.length === 0) return { issue: payload.issue.number, patterns: [], comment: null };
  const links = dashboardLinks(slug);
  const body = [
    "### Motif: patterns that may help",
    "Code this repository already has for what this issue asks:",
    "",
    ...found.map((pattern) => describe(pattern, links.pattern(pattern.pattern_id))),
    "",
    `[Search the project in Motif](${links.project})`,
  ].join("\n");
  const comment = await upsertMarkedComment(options.client, { repository: connection.repository, issueNumber: payload.issue.number, marker: issueMarker, body });
  return { issue: payload.issue.number, patterns: found.map((pattern) => pattern.name), comment };
}
