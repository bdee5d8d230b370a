import { z } from "zod";
import { languageSchema } from "./enums";
import { maxExtractedFileBytes } from "./extraction-limits";

/**
 * Bounds of one `POST /api/operator/ingest-changes` request. `motif ingest` sends the files
 * that changed as contents up to these; past them it extracts and clusters in its own process
 * and sends the result instead (the older route), so a first ingest of a large repository
 * never becomes one huge request.
 */
export const ingestChangesLimits = {
  /** Files whose contents one request carries. */
  changedFiles: 200,
  /** Their bytes together (base64 makes the body about a third larger). */
  changedBytes: 16 * 1024 * 1024,
  /** One file: larger files are data or bundles, refused as extraction refuses them. */
  fileBytes: maxExtractedFileBytes,
  /** Paths listed as present (the repository's source files inside the scope). */
  presentFiles: 200_000,
  /** The whole request body. */
  bodyBytes: 32 * 1024 * 1024,
} as const;

const repositoryPath = z.string().min(1).max(1024);
const blobId = z.string().regex(/^[0-9a-f]{40}$/, "must be a git blob id (40 hex digits)");

/** One changed file: its path, blob id and language, and its bytes as base64, or why it could not be read. */
export const changedFileSchema = z.object({
  file: repositoryPath,
  hash: blobId,
  language: languageSchema,
  /** The file's bytes (base64); absent when `failure` says why they were not sent. */
  content: z.string().max(Math.ceil(ingestChangesLimits.fileBytes / 3) * 4).optional(),
  failure: z.string().min(1).max(1000).optional(),
}).refine((file) => (file.content === undefined) !== (file.failure === undefined), "give either content or failure");

/** A changed file as `motif ingest` sends it. */
export type ChangedFile = z.infer<typeof changedFileSchema>;

/**
 * `POST /api/operator/ingest-changes`: `motif ingest` while `motif serve` runs, sending only
 * what changed. `present` lists every source file found inside `scope` with its blob id (the
 * deleted ones are those stored but not listed), `changed` the contents of those the server's
 * stored files do not hold at that blob id; the server extracts them and clusters the
 * repository with its memory of the last ingest.
 */
export const operatorIngestChangesSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2-63 lowercase letters, digits and dashes"),
  repository: z.string().max(300).default(""),
  /** Path prefixes the present files were gathered from ("" is the whole repository). */
  scope: z.array(z.string().max(1024)).max(1000),
  commit_sha: z.string().regex(/^[0-9a-f]{7,64}$/).optional(),
  present: z.array(z.object({ file: repositoryPath, hash: blobId })).max(ingestChangesLimits.presentFiles),
  changed: z.array(changedFileSchema).max(ingestChangesLimits.changedFiles),
  /** Files the CLI found but could not read or hash. */
  failures: z.array(z.object({ file: repositoryPath, reason: z.string().max(1000) })).max(ingestChangesLimits.presentFiles).default([]),
});

/** A parsed ingest-changes request. */
export type OperatorIngestChanges = z.infer<typeof operatorIngestChangesSchema>;
