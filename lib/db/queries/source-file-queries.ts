import type { Queryable } from "../database";

/** What an ingest remembers of one source file (see migration 20261206190001). */
export interface SourceFileRow {
  file_path: string;
  /** git's blob id of the file's bytes. */
  content_hash: string;
  extractor_version: string;
  /**
   * The file's extraction as JSON; null when it failed (`failure`) or was skipped; undefined
   * when the listing left it out (`withExtractions: false`).
   */
  extraction: unknown;
  failure: string | null;
}

/**
 * The stored files of a project's repository, in path order, with their extractions unless
 * `withExtractions` is false (then `extraction` is undefined where one is stored, null where
 * none is: read them with `readSourceFileExtractions`). RLS decides what the caller sees.
 */
export async function listSourceFilesByRepository(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
  withExtractions?: boolean;
}): Promise<SourceFileRow[]> {
  if (options.withExtractions === false) {
    const rows = await options.transaction.query<Omit<SourceFileRow, "extraction"> & { extracted: boolean }>(
      `select file_path, content_hash, extractor_version, extraction is not null as extracted, failure
       from public.source_files where project_id = $1 and repository = $2
       order by file_path collate "C"`,
      [options.projectId, options.repository],
    );
    return rows.map(({ extracted, ...row }) => ({ ...row, extraction: extracted ? undefined : null }));
  }
  return options.transaction.query<SourceFileRow>(
    `select file_path, content_hash, extractor_version, extraction, failure
     from public.source_files where project_id = $1 and repository = $2
     order by file_path collate "C"`,
    [options.projectId, options.repository],
  );
}

/** The stored extractions of some files of a project's repository, by path (files without one are left out). */
export async function readSourceFileExtractions(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
  files: readonly string[];
}): Promise<Map<string, unknown>> {
  const rows = await options.transaction.query<{ file_path: string; extraction: unknown }>(
    `select file_path, extraction from public.source_files
     where project_id = $1 and repository = $2 and file_path = any ($3::text[]) and extraction is not null`,
    [options.projectId, options.repository, options.files],
  );
  return new Map(rows.map((row) => [row.file_path, row.extraction]));
}

/** The last commit an ingest of the repository recorded, if any. */
export async function getSourceCommitByRepository(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
}): Promise<string | null> {
  const rows = await options.transaction.query<{ commit_sha: string | null }>(
    `select commit_sha from public.source_repositories where project_id = $1 and repository = $2`,
    [options.projectId, options.repository],
  );
  return rows[0]?.commit_sha ?? null;
}

/**
 * Writes an ingest's file changes: upserts the files it extracted, deletes the files that are
 * gone, and records the commit the repository's files now reflect (when given).
 */
export async function writeSourceFiles(options: {
  transaction: Queryable;
  projectId: string;
  repository: string;
  commitSha: string | null;
  upserts: readonly SourceFileRow[];
  deletes: readonly string[];
}): Promise<void> {
  const { transaction, projectId, repository } = options;
  if (options.deletes.length > 0) {
    await transaction.query(
      `delete from public.source_files where project_id = $1 and repository = $2 and file_path = any ($3::text[])`,
      [projectId, repository, options.deletes],
    );
  }
  if (options.upserts.length > 0) {
    await transaction.query(
      `insert into public.source_files (project_id, repository, file_path, content_hash, extractor_version, extraction, failure, commit_sha)
       select $1, $2, f.file_path, f.content_hash, f.extractor_version, f.extraction, f.failure, $4
       from jsonb_to_recordset($3::jsonb)
         as f(file_path text, content_hash text, extractor_version text, extraction jsonb, failure text)
       on conflict (project_id, repository, file_path) do update set
         content_hash = excluded.content_hash, extractor_version = excluded.extractor_version,
         extraction = excluded.extraction, failure = excluded.failure, commit_sha = excluded.commit_sha, updated_at = now()`,
      [projectId, repository, JSON.stringify(options.upserts), options.commitSha],
    );
  }
  if (options.commitSha) {
    await transaction.query(
      `insert into public.source_repositories (project_id, repository, commit_sha) values ($1, $2, $3)
       on conflict (project_id, repository) do update set commit_sha = excluded.commit_sha, updated_at = now()`,
      [projectId, repository, options.commitSha],
    );
  }
}

/** A project's repository as the stored files know it, with when an ingest last wrote one of its files. */
export interface IngestedRepository {
  project_id: string;
  repository: string;
  last_ingested_at: string;
}

/**
 * The repositories whose files were ingested most recently, newest first (a server warms its
 * memory of these when it starts). RLS decides what the caller sees.
 */
export async function listRecentlyIngestedRepositories(options: { transaction: Queryable; limit: number }): Promise<IngestedRepository[]> {
  return options.transaction.query<IngestedRepository>(
    `select project_id, repository, max(updated_at)::text as last_ingested_at
     from public.source_files group by project_id, repository
     order by max(updated_at) desc limit $1`,
    [options.limit],
  );
}
