import {
  asService,
  getProjectSlugById,
  getSourceCommitByRepository,
  listPatternIdsByExtractionKeys,
  listSourceFilesByRepository,
  type Database,
  type GitHubConnectionRow,
  type SourceFileRow,
} from "@/lib/db";
import type { GitHubPullRequestPayload } from "@/lib/domain";
import { extractIncrementally, repositoryMemoryFor, type PresentFile } from "@/lib/ingest";
import { comparePullRequest, type PullRequestInsight } from "./compare-pull-request";
import { dashboardLinks } from "./dashboard-links";
import { repositoryParts, type GitHubClient } from "./github-client";
import { upsertMarkedComment, type MarkedComment } from "./marked-comment";
import { pullRequestMarker, renderNotIngestedComment, renderPullRequestComment } from "./render-pull-request-comment";
import { extractRemoteFiles, isSourcePath } from "./repository-files";

/** What the pull-request job did. */
export interface PullRequestComment {
  pull_request: number;
  files: number;
  comment: MarkedComment;
  insight: PullRequestInsight | null;
}

// The head's files: the stored ones with the pull request's changes applied.
async function headFiles(client: GitHubClient, repository: string, pullNumber: number, stored: SourceFileRow[]) {
  const { owner, repo } = repositoryParts(repository);
  const listed = await client.paginate(client.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const present = new Map(stored.map((row) => [row.file_path, row.content_hash]));
  const changed = new Set<string>();
  for (const file of listed) {
    for (const name of [file.previous_filename, file.filename]) if (name && isSourcePath(name)) changed.add(name);
    if (file.previous_filename) present.delete(file.previous_filename);
    if (file.status === "removed") present.delete(file.filename);
    else if (file.sha && isSourcePath(file.filename)) present.set(file.filename, file.sha);
  }
  return { listed: listed.length, changed: [...changed], present: [...present].map(([file, hash]): PresentFile => ({ file, hash })) };
}

async function insightFor(client: GitHubClient, connection: GitHubConnectionRow, payload: GitHubPullRequestPayload, stored: SourceFileRow[]) {
  const head = await headFiles(client, connection.repository, payload.number, stored);
  const storedFiles = stored.map((row): PresentFile => ({ file: row.file_path, hash: row.content_hash }));
  // The repository's memory of the push path: base and head are mostly the clustering it kept.
  const memory = repositoryMemoryFor(connection.project_id, connection.repository).clustering;
  const base = await extractIncrementally({ stored, present: storedFiles, scope: null, memory, extract: async () => [] });
  const after = await extractIncrementally({
    stored, present: head.present, scope: null, memory,
    extract: (files) => extractRemoteFiles(client, { repository: connection.repository, ref: payload.pull_request.head.sha, files }),
  });
  return { files: head.listed, insight: comparePullRequest({ base: base.result, head: after.result, changedFiles: head.changed }) };
}

/**
 * A pull request opened, pushed to or reopened: compares its head with the repository as Motif
 * last ingested it and keeps one comment on it (updated in place on later pushes) naming code
 * that repeats an existing pattern (file and line to reuse), new patterns, detected kinds,
 * complexity and quality deltas, with dashboard links.
 */
export async function commentOnPullRequest(options: {
  database: Database;
  connection: GitHubConnectionRow;
  client: GitHubClient;
  payload: GitHubPullRequestPayload;
}): Promise<PullRequestComment> {
  const { database, connection, client, payload } = options;
  const scope = { projectId: connection.project_id, repository: connection.repository };
  const { stored, comparedWith, slug } = await asService(database, async (transaction) => ({
    stored: await listSourceFilesByRepository({ transaction, ...scope }),
    comparedWith: await getSourceCommitByRepository({ transaction, ...scope }),
    slug: (await getProjectSlugById({ transaction, projectId: connection.project_id })) ?? "",
  }));
  const target = { repository: connection.repository, issueNumber: payload.number, marker: pullRequestMarker };
  if (stored.length === 0) {
    const comment = await upsertMarkedComment(client, { ...target, body: renderNotIngestedComment(connection.repository, slug) });
    return { pull_request: payload.number, files: 0, comment, insight: null };
  }
  const { files, insight } = await insightFor(client, connection, payload, stored);
  const keys = [...new Set(insight.reuse.map((hint) => hint.patternKey))];
  const patterns = await asService(database, (transaction) => listPatternIdsByExtractionKeys({ transaction, projectId: connection.project_id, keys }));
  const links = dashboardLinks(slug);
  const body = renderPullRequestComment(insight, {
    repository: connection.repository, comparedWith, projectUrl: links.project,
    patternUrls: new Map(patterns.map((pattern) => [pattern.extraction_key, links.pattern(pattern.id)])),
  });
  const comment = await upsertMarkedComment(client, { ...target, body });
  return { pull_request: payload.number, files, comment, insight };
}
