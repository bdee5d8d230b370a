import type { Queryable } from "../database";
import { translateDatabaseErrors } from "../database-error";
import type { ProjectRole } from "@/lib/domain";

/** An API key as admins see it: never the key itself, which is only shown once. */
export interface ApiKey {
  id: string;
  project_id: string;
  name: string;
  role: ProjectRole;
  key_prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const apiKeyColumns = `id, project_id, name, role, key_prefix, created_by, created_at, last_used_at, revoked_at`;

/** The keys of a project, newest first (RLS: admins only). */
export async function listApiKeysByProjectId({
  transaction,
  projectId,
}: {
  transaction: Queryable;
  projectId: string;
}): Promise<ApiKey[]> {
  return transaction.query<ApiKey>(
    `select ${apiKeyColumns} from public.api_keys where project_id = $1 order by created_at desc`,
    [projectId],
  );
}

/** Stores a new key's hash and prefix (RLS: admins only). */
export async function createApiKeyByProjectId({
  transaction,
  projectId,
  name,
  role,
  keyPrefix,
  keyHash,
}: {
  transaction: Queryable;
  projectId: string;
  name: string;
  role: ProjectRole;
  keyPrefix: string;
  keyHash: string;
}): Promise<ApiKey> {
  const [apiKey] = await translateDatabaseErrors(
    () =>
      transaction.query<ApiKey>(
        `insert into public.api_keys (project_id, name, role, key_prefix, key_hash, created_by)
         values ($1, $2, $3, $4, $5, auth.uid()) returning ${apiKeyColumns}`,
        [projectId, name, role, keyPrefix, keyHash],
      ),
    { "forbidden:auth": "only project admins can create API keys" },
  );
  return apiKey;
}

/** Revokes a key of a project; undefined when no such key is visible (RLS: admins only). */
export async function revokeApiKeyById({
  transaction,
  projectId,
  keyId,
}: {
  transaction: Queryable;
  projectId: string;
  keyId: string;
}): Promise<ApiKey | undefined> {
  const [apiKey] = await translateDatabaseErrors(() =>
    transaction.query<ApiKey>(
      `update public.api_keys set revoked_at = coalesce(revoked_at, now())
       where project_id = $1 and id = $2 returning ${apiKeyColumns}`,
      [projectId, keyId],
    ),
  );
  return apiKey;
}

/**
 * The live (not revoked) key with this hash, marking it used. Runs as service_role: the
 * caller is not known yet, this lookup is what makes them known.
 */
export async function markApiKeyUsedByHash({
  transaction,
  keyHash,
}: {
  transaction: Queryable;
  keyHash: string;
}): Promise<ApiKey | undefined> {
  const [apiKey] = await transaction.query<ApiKey>(
    `update public.api_keys set last_used_at = now()
     where key_hash = $1 and revoked_at is null returning ${apiKeyColumns}`,
    [keyHash],
  );
  return apiKey;
}
