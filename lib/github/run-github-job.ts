import { asService, getGitHubConnectionById, type Database, type QueuedJob } from "@/lib/db";
import {
  gitHubIssuePayloadSchema,
  gitHubPullRequestPayloadSchema,
  gitHubPushPayloadSchema,
  type GitHubEventJobPayload,
} from "@/lib/domain";
import type { EmbeddingProvider } from "@/lib/embed";
import { commentOnPullRequest } from "./comment-on-pull-request";
import { createGitHubClient } from "./github-client";
import { ingestPush } from "./ingest-push";
import { recommendForIssue } from "./recommend-for-issue";
import { openSecret } from "./secret-box";

/** The job types the webhook queues. */
export const gitHubJobTypes = ["github.push", "github.pull_request", "github.issues"] as const;

/**
 * Runs one job the webhook queued, with the connection's token: a push ingests the changed
 * files, a pull request gets its comment, an issue its recommendations. A connection removed
 * since the delivery leaves nothing to do.
 */
export async function runGitHubJob(job: QueuedJob, context: { database: Database; embedder: EmbeddingProvider }): Promise<object> {
  const { database, embedder } = context;
  const work = job.payload as unknown as GitHubEventJobPayload;
  const connection = await asService(database, (transaction) => getGitHubConnectionById({ transaction, connectionId: work.connection_id }));
  if (!connection) return { skipped: "the GitHub connection no longer exists" };
  const client = createGitHubClient({ token: openSecret(connection.token_encrypted) });
  if (job.job_type === "github.push") {
    return ingestPush({ database, connection, client, embedder, payload: gitHubPushPayloadSchema.parse(work.payload) });
  }
  if (job.job_type === "github.pull_request") {
    return commentOnPullRequest({ database, connection, client, payload: gitHubPullRequestPayloadSchema.parse(work.payload) });
  }
  return recommendForIssue({ database, connection, client, embedder, payload: gitHubIssuePayloadSchema.parse(work.payload) });
}

/** The webhook's job types and their runner, for `motif serve` and `motif worker` to run. */
export const gitHubJobHandlers: Record<string, (job: QueuedJob, context: { database: Database; embedder: EmbeddingProvider }) => Promise<object>> =
  Object.fromEntries(gitHubJobTypes.map((type) => [type, runGitHubJob]));
