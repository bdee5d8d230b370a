import type { Queryable } from "../database";

/** A project's connection to a GitHub repository, secrets still encrypted. */
export interface GitHubConnectionRow {
  id: string;
  project_id: string;
  repository: string;
  webhook_secret_encrypted: string;
  token_encrypted: string;
  created_at: string;
}

/** A connection as settings pages list it: no secrets. */
export interface GitHubConnectionSummary {
  id: string;
  repository: string;
  created_at: string;
  deliveries: Record<string, number>;
  ignored: Record<string, number>;
}

const connectionColumns = "id, project_id, repository, webhook_secret_encrypted, token_encrypted, created_at::text";

/**
 * Connects a project to a repository, or replaces the secrets of its connection to it (one
 * connection per project and repository, whatever the case of the name). RLS: admins only.
 */
export async function upsertGitHubConnection(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
  webhookSecretEncrypted: string;
  tokenEncrypted: string;
}): Promise<{ id: string; created: boolean }> {
  const [row] = await options.transaction.query<{ id: string; created: boolean }>(
    `insert into public.github_connections (project_id, repository, webhook_secret_encrypted, token_encrypted)
     values ($1, $2, $3, $4)
     on conflict (project_id, lower(repository)) do update set
       repository = excluded.repository, webhook_secret_encrypted = excluded.webhook_secret_encrypted,
       token_encrypted = excluded.token_encrypted
     returning id, xmax = 0 as created`,
    [options.projectId, options.repository, options.webhookSecretEncrypted, options.tokenEncrypted],
  );
  return row;
}

/** Every connection to a repository, across projects (the webhook's lookup; service_role). */
export async function listGitHubConnectionsByRepository(options: { transaction: Queryable; repository: string }): Promise<GitHubConnectionRow[]> {
  return options.transaction.query<GitHubConnectionRow>(
    `select ${connectionColumns} from public.github_connections where lower(repository) = lower($1) order by created_at`,
    [options.repository],
  );
}

/** One connection by id. */
export async function getGitHubConnectionById(options: { transaction: Queryable; connectionId: string }): Promise<GitHubConnectionRow | undefined> {
  const [row] = await options.transaction.query<GitHubConnectionRow>(
    `select ${connectionColumns} from public.github_connections where id = $1`,
    [options.connectionId],
  );
  return row;
}

/** A project's connections with their delivery counts by status and ignored events by name. */
export async function listGitHubConnectionsByProjectId(options: { transaction: Queryable; projectId: string }): Promise<GitHubConnectionSummary[]> {
  return options.transaction.query<GitHubConnectionSummary>(
    `select c.id, c.repository, c.created_at::text,
       coalesce((select jsonb_object_agg(status, n) from (select status, count(*)::int as n from public.github_deliveries d
         where d.connection_id = c.id group by status) s), '{}') as deliveries,
       coalesce((select jsonb_object_agg(event, n) from (select event, count(*)::int as n from public.github_deliveries d
         where d.connection_id = c.id and d.status = 'ignored' group by event) s), '{}') as ignored
     from public.github_connections c where c.project_id = $1 order by c.repository`,
    [options.projectId],
  );
}

/**
 * Records a verified delivery once. Returns false when this connection already received it
 * (GitHub's redelivery keeps the X-GitHub-Delivery id): the caller then does nothing.
 */
export async function insertGitHubDelivery(options: {
  transaction: Queryable;
  connectionId: string;
  projectId: string;
  deliveryId: string;
  event: string;
  action: string | null;
  status: "queued" | "answered" | "ignored";
}): Promise<boolean> {
  const rows = await options.transaction.query(
    `insert into public.github_deliveries (connection_id, project_id, delivery_id, event, action, status)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning 1`,
    [options.connectionId, options.projectId, options.deliveryId, options.event, options.action, options.status],
  );
  return rows.length === 1;
}

/** Notes the job a queued delivery became. */
export async function setGitHubDeliveryJob(options: { transaction: Queryable; connectionId: string; deliveryId: string; jobId: string }): Promise<void> {
  await options.transaction.query(
    `update public.github_deliveries set job_id = $3 where connection_id = $1 and delivery_id = $2`,
    [options.connectionId, options.deliveryId, options.jobId],
  );
}

/** Ids of a project's patterns by extraction key (for links and names in comments). */
export async function listPatternIdsByExtractionKeys(options: { transaction: Queryable; projectId: string; keys: readonly string[] }) {
  return options.transaction.query<{ id: string; extraction_key: string; name: string }>(
    `select id, extraction_key, name from public.patterns
     where project_id = $1 and extraction_key = any ($2::text[]) and superseded_by is null`,
    [options.projectId, options.keys],
  );
}

/** A project's slug, for links (service_role). */
export async function getProjectSlugById(options: { transaction: Queryable; projectId: string }): Promise<string | undefined> {
  const [row] = await options.transaction.query<{ slug: string }>(`select slug from public.projects where id = $1`, [options.projectId]);
  return row?.slug;
}
