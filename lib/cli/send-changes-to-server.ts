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
}

type PresentEntry = SendChangesOptions["present"][number];

// A present file the server cannot reuse: new, changed, or stored by another extractor version.
function changedFiles(present: SendChangesOptions["present"], stored: readonly SourceFileRow[], serverVersion: string): PresentEntry[] {
  const storedRows = new Map(stored.map((row) => [row.file_path, row]));
  return present.filter((file) => {
    const row = storedRows.get(file.file);
    return !row || row.content_hash !== file.hash || row.extractor_version !== serverVersion;
  });
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
  const query = new URLSearchParams({ project: request.project, repository: request.repository, extractions: "false" });
  const listing = await server.json<{ files: SourceFileRow[]; extractor_version?: string }>(`/api/operator/source-files?${query}`);
  // A server of an older Motif (started before an upgrade) names no extractor version and takes no changes.
  if (listing.extractor_version === undefined) return undefined;
  const changed = changedFiles(options.present, listing.files, listing.extractor_version);
  options.onPhase?.("stored files listed (server)");
  if (changed.length > ingestChangesLimits.changedFiles) return undefined;
  const bodies = await Promise.all(changed.map(changedFileBody));
  const bytes = bodies.reduce((sum, body) => sum + (body.content?.length ?? 0) * 0.75, 0);
  if (bytes > ingestChangesLimits.changedBytes) return undefined;
  const sentHashes = new Map(bodies.map((changedFile) => [changedFile.file, changedFile.hash]));
  const present = options.present.map(({ file, hash }) => ({ file, hash: sentHashes.get(file) ?? hash }));
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
    return sendOnce(options);
  }
}
