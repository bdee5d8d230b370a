import { repositoryParts, type GitHubClient } from "./github-client";

/** What upserting a comment did. */
export interface MarkedComment {
  id: number;
  action: "created" | "updated" | "unchanged";
}

/**
 * Keeps ONE comment of Motif's on an issue or pull request: the comment whose body holds the
 * hidden marker is updated in place (left alone when the text is the same), else one is created.
 */
export async function upsertMarkedComment(client: GitHubClient, options: { repository: string; issueNumber: number; marker: string; body: string }): Promise<MarkedComment> {
  const { owner, repo } = repositoryParts(options.repository);
  const body = `${options.marker}\n${options.body}`;
  const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: options.issueNumber, per_page: 100 });
  const mine = comments.find((comment) => comment.body?.includes(options.marker));
  if (mine) {
    if (mine.body === body) return { id: mine.id, action: "unchanged" };
    await client.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
    return { id: mine.id, action: "updated" };
  }
  const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: options.issueNumber, body });
  return { id: data.id, action: "created" };
}
