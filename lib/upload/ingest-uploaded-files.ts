import { getDatabase, withUser, type Database, type JwtClaims } from "@/lib/db";
import type { ExtractionFailure } from "@/lib/domain";
import { createIngestTracker, finishIngestJob, ingestExtraction, startIngestJob, type IngestTracker } from "@/lib/ingest";
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

/** How often extraction's progress is written to the job row (other processes read the row). */
const persistEveryMs = 1_000;

async function extractTracked(files: UploadedFile[], tracker: IngestTracker) {
  let persistedAt = performance.now();
  return extractUploadedFiles(files, {}, async (done, total) => {
    await tracker.report({ phase: "extracting", done, total });
    if (performance.now() - persistedAt < persistEveryMs) return;
    persistedAt = performance.now();
    await tracker.persist();
  });
}

/**
 * Extracts uploaded files and ingests the result into a project (admins and members), with
 * the uploaded paths as the ingest's scope: occurrences in other files of the project stay.
 * The job row is written before extraction starts, and reports files, then patterns, as it goes.
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
  const scope = options.files.map((file) => file.path);
  const ingest = { database, claims: options.claims, projectId: project.id, repository: options.repository ?? "", scope };
  const jobId = await startIngestJob({ ...ingest, files: options.files.length });
  const tracker = createIngestTracker({ database: database, jobId, projectId: project.id, withExtraction: true });
  let extraction: Awaited<ReturnType<typeof extractUploadedFiles>>;
  try {
    extraction = await extractTracked(options.files, tracker);
  } catch (error) {
    await finishIngestJob({ ...ingest, tracker, error: error as Error });
    throw error;
  }
  const { result, skipped } = extraction;
  const summary = await ingestExtraction({ ...ingest, result, files: result.stats.files, tracker });
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
