import { getDatabase, withUser, type Database, type JwtClaims } from "@/lib/db";
import type { ExtractionFailure } from "@/lib/domain";
import { ingestExtraction } from "@/lib/ingest";
import { requireWriter, resolveProject } from "@/lib/projects";
import { extractUploadedFiles } from "./extract-uploaded-files";
import { assertWithinUploadLimits, type UploadedFile } from "./upload-limits";

/** What POST /api/v1/extract answers. */
export interface UploadSummary {
  job_id: string;
  files: number;
  units: number;
  patterns: number;
  patterns_created: number;
  patterns_updated: number;
  patterns_unchanged: number;
  occurrences: { added: number; moved: number; revived: number; removed: number };
  failures: ExtractionFailure[];
  skipped: { file: string; reason: string }[];
}

/**
 * Extracts uploaded files and ingests the result into a project (admins and members), with
 * the uploaded paths as the ingest's scope: occurrences in other files of the project stay.
 */
export async function ingestUploadedFiles(options: {
  database?: Database;
  claims: JwtClaims;
  project?: string;
  repository?: string;
  files: UploadedFile[];
}): Promise<UploadSummary> {
  assertWithinUploadLimits(options.files);
  const database = options.database ?? (await getDatabase());
  const project = await withUser(database, options.claims, async (transaction) => {
    const found = await resolveProject({ transaction, claims: options.claims, reference: options.project });
    requireWriter(found.role, "extract code into a project");
    return found;
  });
  const { result, skipped } = await extractUploadedFiles(options.files);
  const summary = await ingestExtraction({
    database,
    claims: options.claims,
    projectId: project.id,
    result,
    repository: options.repository ?? "",
    scope: options.files.map((file) => file.path),
  });
  const { created, updated, unchanged } = summary.patterns;
  const { added, moved, revived, removed } = summary.occurrences;
  return {
    job_id: summary.job_id,
    files: result.stats.files,
    units: result.stats.units,
    patterns: result.patterns.length,
    patterns_created: created,
    patterns_updated: updated,
    patterns_unchanged: unchanged,
    occurrences: { added, moved, revived, removed },
    failures: result.failures,
    skipped,
  };
}
