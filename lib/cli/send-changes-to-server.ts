import { readFile } from "node:fs/promises";
import type { SourceFileRow } from "@/lib/db";
import { fileTooLargeReason, ingestChangesLimits, type ChangedFile, type Language, type OperatorIngestChanges } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import type { IncrementalFileCounts, IngestProgress, IngestSummary, PresentFile } from "@/lib/ingest";
import { gitBlobHash } from "@/lib/ingest/client";
import type { OwnerRequestOptions } from "./owner-request";

/** What the server answers an ingest of changes with. */
export type ServerIngest = IngestSummary & { project: { id: string; slug: string; created: boolean }; files: IncrementalFileCounts };

/** How requests reach the server (`owner-request.ts`; tests answer them with the route handlers). */
export interface ServerTransport {
  json<T>(path: string, options?: OwnerRequestOptions): Promise<T>;
  stream<T>(path: string, options: OwnerRequestOptions & { onProgress: (progress: IngestProgress) => void }): Promise<T>;
}

/** Options of {@link sendChangesToServer}. */
export interface SendChangesOptions {
  server: ServerTransport;
  request: Omit<OperatorIngestChanges, "present" | "changed" | "failures">;
  /** Every source file found inside the scope, with its blob id, and where to read it. */
  present: ReadonlyArray<PresentFile & { path: string; language: Language }>;
  failures: OperatorIngestChanges["failures"];
  onProgress: (progress: IngestProgress) => void;
  /** Marks the end of a phase (`MOTIF_PHASE_TIMINGS`). */
  onPhase?: (phase: string) => void;
  /** A file read to be sent had another blob id than `present` named (a stale hash cache, or a write since). */
  onHashCorrected?: (file: string) => void;
  /** The server's listing, asked for early (`listStoredFiles`, while the files were hashed); used by the first attempt only. */
  listing?: Promise<StoredListing>;
}

/** The server's stored files (blob ids only) and the extractor version it extracts with (none: an older Motif). */
export interface StoredListing {
  files: SourceFileRow[];
  extractor_version?: string;
}

/** Asks the server which files it holds for the repository (`GET /api/operator/source-files`, blob ids only). */
export function listStoredFiles(server: ServerTransport, request: Pick<SendChangesOptions["request"], "project" | "repository">): Promise<StoredListing> {
  const query = new URLSearchParams({ project: request.project, repository: request.repository, extractions: "false" });
  return server.json<StoredListing>(`/api/operator/source-files?${query}`);
}

type PresentEntry = SendChangesOptions["present"][number];

// Whether the server holds this file at this blob id, extracted by its extractor version.
function serverHolds(row: SourceFileRow | undefined, hash: string, serverVersion: string): boolean {
  return row !== undefined && row.content_hash === hash && row.extractor_version === serverVersion;
}

// A changed file's bytes as the server takes them, named by the blob id of this read (the file
// may have changed again since it was hashed); one above the size limit is sent as the failure
// extraction would report.
async function changedFileBody(file: PresentEntry): Promise<ChangedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    return { file: file.file, hash: file.hash, language: file.language, failure: `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const base = { file: file.file, hash: gitBlobHash(bytes), language: file.language };
  if (bytes.byteLength > ingestChangesLimits.fileBytes) {
    return { ...base, failure: fileTooLargeReason(bytes.byteLength) };
  }
  return { ...base, content: bytes.toString("base64") };
}

async function sendOnce(options: SendChangesOptions): Promise<ServerIngest | undefined> {
  const { request, server } = options;
  const listing = await (options.listing ?? listStoredFiles(server, request));
  // A server of an older Motif (started before an upgrade) names no extractor version and takes no changes.
  if (listing.extractor_version === undefined) return undefined;
  const storedRows = new Map(listing.files.map((row) => [row.file_path, row]));
  const changed = options.present.filter((file) => !serverHolds(storedRows.get(file.file), file.hash, listing.extractor_version!));
  options.onPhase?.("stored files listed (server)");
  if (changed.length > ingestChangesLimits.changedFiles) return undefined;
  const read = await Promise.all(changed.map(changedFileBody));
  read.forEach((body, index) => body.hash !== changed[index].hash && options.onHashCorrected?.(body.file));
  // A file read again that the server holds at the blob id read (a stale local hash) is not sent.
  const bodies = read.filter((body) => !serverHolds(storedRows.get(body.file), body.hash, listing.extractor_version!));
  const bytes = bodies.reduce((sum, body) => sum + (body.content?.length ?? 0) * 0.75, 0);
  if (bytes > ingestChangesLimits.changedBytes) return undefined;
  // Each file read is listed at the blob id of that read: the server holds it, or it is sent.
  const readHashes = new Map(read.map((changedFile) => [changedFile.file, changedFile.hash]));
  const present = options.present.map(({ file, hash }) => ({ file, hash: readHashes.get(file) ?? hash }));
  const body: OperatorIngestChanges = { ...request, present, changed: bodies, failures: options.failures };
  const ingested = await server.stream<ServerIngest>("/api/operator/ingest-changes", { method: "POST", body, onProgress: options.onProgress });
  options.onPhase?.("changes sent, extracted, clustered and written (server)");
  return ingested;
}

/**
 * `motif ingest` while `motif serve` runs: lists the server's stored files (blob ids only),
 * sends the contents of the files it lacks with the present paths, and lets the server extract
 * them and cluster with its warm memory of the repository. Undefined, having sent nothing,
 * when the change is larger than one request carries (`ingestChangesLimits`) or the server is
 * an older Motif's (it names no extractor version in its listing): the caller then
 * extracts and clusters in its own process and sends the result. When another ingest of the
 * repository landed between the listing and the request (409), it lists and sends once more.
 */
export async function sendChangesToServer(options: SendChangesOptions): Promise<ServerIngest | undefined> {
  try {
    return await sendOnce(options);
  } catch (error) {
    if (!(error instanceof MotifError) || error.code !== "conflict:resource") throw error;
    return sendOnce({ ...options, listing: undefined });
  }
}
