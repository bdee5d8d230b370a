import { createHash } from "node:crypto";
import type { Database, Queryable } from "@/lib/db";
import { commitAs } from "./run-as";

/** The rows every project of the world holds, one or two of each table, by id. */
export interface ProjectRows {
  id: string;
  patterns: [string, string];
  occurrence: string;
  relationship: string;
  validation: string;
  usage: string;
  event: string;
  session: string;
  modelUsage: string;
  invitation: string;
  budget: string;
  job: string;
  githubConnection: string;
}

/**
 * Two projects and the people around them:
 * - alpha: alice admin, bob member, carol viewer, frank member; keys admin, member, viewer
 *   and a revoked one
 * - beta: dave admin, frank member; one member key
 * - erin belongs to no project.
 */
export interface World {
  users: Record<"alice" | "bob" | "carol" | "dave" | "erin" | "frank", string>;
  alpha: ProjectRows;
  beta: ProjectRows;
  keys: Record<"alphaAdmin" | "alphaMember" | "alphaViewer" | "alphaRevoked" | "betaMember", string>;
}

/** A stored key hash as the app computes it: sha256 hex of the key. */
export function keyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

async function one(transaction: Queryable, sql: string, params: unknown[]): Promise<string> {
  const [row] = await transaction.query<{ id: string }>(sql, params);
  return String(row.id);
}

/** Inserts accounts as the local accounts do (service_role stands in for Supabase Auth). */
export async function createUsers<Name extends string>(database: Database, names: readonly Name[]) {
  const users = {} as Record<Name, string>;
  await commitAs(database, "service_role", async (transaction) => {
    for (const name of names) {
      users[name] = await one(transaction, "insert into auth.users (email) values ($1) returning id", [
        `${name}@example.com`,
      ]);
    }
  });
  return users;
}

async function seedProject(transaction: Queryable, slug: string): Promise<ProjectRows> {
  const id = await one(transaction, "insert into public.projects (name, slug) values ($1, $1) returning id", [slug]);
  const pattern = "insert into public.patterns (project_id, pattern_type, name) values ($1, 'function_pattern', $2) returning id";
  const patterns: [string, string] = [
    await one(transaction, pattern, [id, "Retry with backoff"]),
    await one(transaction, pattern, [id, "Open a transaction"]),
  ];
  const session = await one(transaction, "insert into public.sessions (project_id, title) values ($1, 'refactor') returning id", [id]);
  const job = await one(transaction, "insert into public.jobs (project_id, job_type) values ($1, 'extract') returning id", [id]);
  const githubConnection = await one(
    transaction,
    "insert into public.github_connections (project_id, repository, webhook_secret_encrypted, token_encrypted) values ($1, $2, 'sealed', 'sealed') returning id",
    [id, `acme/${slug}`],
  );
  await transaction.query(
    "insert into public.github_deliveries (connection_id, project_id, delivery_id, event, status) values ($1, $2, 'delivery-1', 'ping', 'answered')",
    [githubConnection, id],
  );
  await transaction.query(
    "insert into public.source_files (project_id, file_path, content_hash, extractor_version) values ($1, 'src/a.py', repeat('a', 40), 'v1')",
    [id],
  );
  await transaction.query("insert into public.source_repositories (project_id, commit_sha) values ($1, repeat('b', 40))", [id]);
  return {
    githubConnection,
    id,
    patterns,
    session,
    job,
    occurrence: await one(
      transaction,
      "insert into public.pattern_occurrences (project_id, pattern_id, file_path, start_line, end_line) values ($1, $2, 'src/a.py', 3, 9) returning id",
      [id, patterns[0]],
    ),
    relationship: await one(
      transaction,
      "insert into public.pattern_relationships (project_id, source_pattern_id, target_pattern_id, relationship_type) values ($1, $2, $3, 'USES') returning id",
      [id, patterns[0], patterns[1]],
    ),
    validation: await one(
      transaction,
      "insert into public.pattern_validations (project_id, pattern_id, verdict) values ($1, $2, 'validated') returning id",
      [id, patterns[0]],
    ),
    usage: await one(
      transaction,
      "insert into public.pattern_usage (project_id, pattern_id, session_id, task) values ($1, $2, $3, 'add retries') returning id",
      [id, patterns[0], session],
    ),
    event: await one(
      transaction,
      "insert into public.pattern_events (project_id, pattern_id, event_type) values ($1, $2, 'pattern.created') returning id",
      [id, patterns[0]],
    ),
    invitation: await one(
      transaction,
      "insert into public.project_invitations (project_id, email, role) values ($1, 'invitee@example.com', 'viewer') returning id",
      [id],
    ),
    budget: await one(transaction, "insert into public.llm_budgets (project_id, daily_usd) values ($1, 5) returning project_id as id", [id]),
    modelUsage: await one(
      transaction,
      "insert into public.model_usage (project_id, task, provider, model, is_local, job_id) values ($1, 'name_pattern', 'ollama', 'qwen2.5-coder', true, $2) returning id",
      [id, job],
    ),
  };
}

async function addMembers(transaction: Queryable, projectId: string, members: [string, string][]) {
  for (const [userId, role] of members) {
    await transaction.query("insert into public.project_members (project_id, user_id, role) values ($1, $2, $3)", [
      projectId,
      userId,
      role,
    ]);
  }
}

async function addKey(transaction: Queryable, projectId: string, role: string, revoked = false) {
  return one(
    transaction,
    `insert into public.api_keys (project_id, name, role, key_prefix, key_hash, revoked_at)
     values ($1, $2, $3, 'motif_', $4, $5) returning id`,
    [projectId, `${role} key`, role, keyHash(`${projectId}-${role}-${revoked}`), revoked ? new Date() : null],
  );
}

/** Builds the world as service_role (trusted set-up, as the server's own work would be). */
export async function buildWorld(database: Database): Promise<World> {
  const users = await createUsers(database, ["alice", "bob", "carol", "dave", "erin", "frank"] as const);
  return commitAs(database, "service_role", async (transaction) => {
    const alpha = await seedProject(transaction, "alpha");
    const beta = await seedProject(transaction, "beta");
    await addMembers(transaction, alpha.id, [
      [users.alice, "admin"],
      [users.bob, "member"],
      [users.carol, "viewer"],
      [users.frank, "member"],
    ]);
    await addMembers(transaction, beta.id, [
      [users.dave, "admin"],
      [users.frank, "member"],
    ]);
    const keys = {
      alphaAdmin: await addKey(transaction, alpha.id, "admin"),
      alphaMember: await addKey(transaction, alpha.id, "member"),
      alphaViewer: await addKey(transaction, alpha.id, "viewer"),
      alphaRevoked: await addKey(transaction, alpha.id, "member", true),
      betaMember: await addKey(transaction, beta.id, "member"),
    };
    return { users, alpha, beta, keys };
  });
}
