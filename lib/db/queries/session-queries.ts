import type { Queryable } from "../database";

/** A project pattern the session analyzer compares code with. */
export interface SessionPatternCandidate {
  id: string;
  name: string;
  kind: string | null;
  fingerprint: string | null;
  similarity: number;
}

// Current versions only: what a session could have used.
const current = `project_id = $1 and superseded_by is null and status in ('pending', 'active')`;

/** The project's current patterns with one of these structural fingerprints (similarity 1). */
export async function listPatternsByFingerprints({ transaction, projectId, fingerprints }: { transaction: Queryable; projectId: string; fingerprints: string[] }): Promise<SessionPatternCandidate[]> {
  if (fingerprints.length === 0) return [];
  return transaction.query<SessionPatternCandidate>(
    `select id, name, kind, fingerprint, 1::float8 as similarity from public.patterns where ${current} and fingerprint = any($2::text[])`,
    [projectId, fingerprints],
  );
}

/** The project's current patterns nearest to a vector (cosine similarity), best first. */
export async function listNearestPatterns({ transaction, projectId, vector, limit }: { transaction: Queryable; projectId: string; vector: string; limit: number }): Promise<SessionPatternCandidate[]> {
  await transaction.query(`set local hnsw.iterative_scan = relaxed_order`);
  return transaction.query<SessionPatternCandidate>(
    `select id, name, kind, fingerprint, (1 - (embedding <=> $2::extensions.vector))::float8 as similarity
     from public.patterns where ${current} and embedding is not null
     order by embedding <=> $2::extensions.vector limit $3`,
    [projectId, vector, limit],
  );
}

/** A stored session, as the API lists and shows it. */
export interface SessionRow {
  id: string;
  project_id: string;
  title: string;
  source: string;
  status: "pending" | "analysing" | "analysed" | "failed";
  started_at: string | null;
  ended_at: string | null;
  summary: string | null;
  error: string | null;
  report: Record<string, unknown> | null;
  created_at: string;
}

const sessionColumns = "id, project_id, title, source, status, started_at, ended_at, summary, error, report, created_at";

/** Records a session being analysed (RLS: admins and members). */
export async function insertSession({ transaction, projectId, title, source, content }: { transaction: Queryable; projectId: string; title: string; source: string; content: Record<string, unknown> }): Promise<SessionRow> {
  const [row] = await transaction.query<SessionRow>(
    `insert into public.sessions (project_id, title, source, status, content) values ($1, $2, $3, 'analysing', $4::jsonb) returning ${sessionColumns}`,
    [projectId, title, source, JSON.stringify(content)],
  );
  return row;
}

/** Ends a session's analysis: analysed with its report, or failed with the error. */
export async function finishSessionById({
  transaction, projectId, sessionId, status, report, summary, error, startedAt, endedAt,
}: {
  transaction: Queryable; projectId: string; sessionId: string; status: "analysed" | "failed";
  report?: Record<string, unknown>; summary?: string; error?: string; startedAt?: string | null; endedAt?: string | null;
}): Promise<SessionRow | null> {
  const [row] = await transaction.query<SessionRow>(
    `update public.sessions set status = $3, report = $4::jsonb, summary = $5, error = $6, started_at = $7, ended_at = $8
     where project_id = $1 and id = $2 returning ${sessionColumns}`,
    [projectId, sessionId, status, report === undefined ? null : JSON.stringify(report), summary ?? null, error ?? null, startedAt ?? null, endedAt ?? null],
  );
  return row ?? null;
}

/** A project's sessions, newest first, without their reports' Markdown (RLS: the caller's projects). */
export async function listSessionsByProjectId({ transaction, projectId, limit }: { transaction: Queryable; projectId: string; limit: number }): Promise<SessionRow[]> {
  return transaction.query<SessionRow>(
    `select id, project_id, title, source, status, started_at, ended_at, summary, error, report - 'markdown' as report, created_at
     from public.sessions where project_id = $1 order by created_at desc, id desc limit $2`,
    [projectId, limit],
  );
}

/** One session of a project with its report, or null when it does not exist or RLS hides it. */
export async function getSessionById({ transaction, projectId, sessionId }: { transaction: Queryable; projectId: string; sessionId: string }): Promise<SessionRow | null> {
  const [row] = await transaction.query<SessionRow>(`select ${sessionColumns} from public.sessions where project_id = $1 and id = $2`, [projectId, sessionId]);
  return row ?? null;
}
