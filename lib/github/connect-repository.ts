import {
  asService,
  getOperatorProjectBySlug,
  listGitHubConnectionsByProjectId,
  upsertGitHubConnection,
  type Database,
  type GitHubConnectionSummary,
  type Queryable,
} from "@/lib/db";
import type { GitHubConnectRequest } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { sealSecret } from "./secret-box";

/** What connecting answers: the connection, whether it is new, where GitHub sends deliveries. */
export interface GitHubConnection {
  id: string;
  repository: string;
  created: boolean;
  webhook_path: string;
}

/**
 * Connects a project to a GitHub repository (or replaces the secrets of its connection), in
 * the caller's transaction: the webhook secret and the token are stored encrypted. RLS lets
 * project admins only; anyone else gets a 403.
 */
export async function connectRepository(options: { transaction: Queryable; projectId: string; request: GitHubConnectRequest }): Promise<GitHubConnection> {
  const { request } = options;
  const row = await upsertGitHubConnection({
    transaction: options.transaction, projectId: options.projectId, repository: request.repository,
    webhookSecretEncrypted: sealSecret(request.webhook_secret), tokenEncrypted: sealSecret(request.token),
  }).catch((error: Error & { code?: string }) => {
    if (error.code === "42501") throw new MotifError("forbidden:auth", "only project admins can connect a GitHub repository");
    throw error;
  });
  return { id: row.id, repository: request.repository, created: row.created, webhook_path: "/api/v1/github/webhook" };
}

/** A project's connections (no secrets) with their delivery counts (RLS: admins see them). */
export async function listConnections(options: { transaction: Queryable; projectId: string }): Promise<GitHubConnectionSummary[]> {
  return listGitHubConnectionsByProjectId(options);
}

/** `motif github connect` as the local operator (the project must exist). */
export async function connectRepositoryAsOperator(options: { database: Database; slug: string; request: GitHubConnectRequest }): Promise<GitHubConnection> {
  return asService(options.database, async (transaction) => {
    const project = await getOperatorProjectBySlug({ transaction, slug: options.slug });
    if (!project) throw new MotifError("not_found:resource", `project "${options.slug}" not found (motif ingest <path> --project ${options.slug} creates it)`);
    return connectRepository({ transaction, projectId: project.id, request: options.request });
  });
}
