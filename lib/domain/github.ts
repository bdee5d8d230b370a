import { z } from "zod";

/** `owner/name` as GitHub spells a repository. */
export const gitHubRepositoryNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, "use OWNER/NAME, as GitHub spells the repository");

/** What connecting a project to a repository takes (settings page, `motif github connect`). */
export const gitHubConnectRequestSchema = z.object({
  repository: gitHubRepositoryNameSchema,
  webhook_secret: z.string().min(8, "use a webhook secret of at least 8 characters").max(500),
  token: z.string().min(1, "a GitHub token is required").max(500),
});
export type GitHubConnectRequest = z.infer<typeof gitHubConnectRequestSchema>;

const repositorySchema = z.object({
  full_name: z.string().min(1),
  default_branch: z.string().min(1).optional(),
});

const sha = z.string().regex(/^[0-9a-f]{40}$/);

/** The part of a webhook delivery every event shares: the repository it is about. */
export const gitHubDeliverySchema = z.object({
  action: z.string().optional(),
  repository: repositorySchema,
});

/** A `push` delivery: the ref, the commits before and after, whether it was forced. */
export const gitHubPushPayloadSchema = z.object({
  ref: z.string(),
  before: sha,
  after: sha,
  forced: z.boolean().default(false),
  deleted: z.boolean().default(false),
  repository: repositorySchema.extend({ default_branch: z.string().min(1) }),
});
export type GitHubPushPayload = z.infer<typeof gitHubPushPayloadSchema>;

/** A `pull_request` delivery: the pull request's number, head and base. */
export const gitHubPullRequestPayloadSchema = z.object({
  action: z.string(),
  number: z.number().int().positive(),
  pull_request: z.object({
    html_url: z.string().optional(),
    title: z.string(),
    head: z.object({ sha, ref: z.string() }),
    base: z.object({ sha, ref: z.string() }),
  }),
  repository: repositorySchema,
});
export type GitHubPullRequestPayload = z.infer<typeof gitHubPullRequestPayloadSchema>;

/** An `issues` delivery: the issue's number, title and body. */
export const gitHubIssuePayloadSchema = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullable().optional(),
    pull_request: z.unknown().optional(),
  }),
  repository: repositorySchema,
});
export type GitHubIssuePayload = z.infer<typeof gitHubIssuePayloadSchema>;

/** The webhook work a job carries: which connection, which event, the delivery's payload. */
export interface GitHubEventJobPayload {
  connection_id: string;
  delivery_id: string;
  event: "push" | "pull_request" | "issues";
  payload: unknown;
}
