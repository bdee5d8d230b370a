import { readFile } from "node:fs/promises";
import type { SourceFileRow } from "@/lib/db";
import { ingestChangesLimits, type ChangedFile, type Language, type OperatorIngestChanges } from "@/lib/domain";
import { gitBlobHash, type IncrementalFileCounts, type IngestProgress, type IngestSummary, type PresentFile } from "@/lib/ingest";
import { readProgressStream } from "./ingest-progress-bar";

type FetchOwner = (path: string, init?: RequestInit) => Promise<Response>;

/** What the server answers an ingest of changes with. */
export type ServerIngest = IngestSummary & { project: { slug: string; created: boolean }; files: IncrementalFileCounts };

/** Options of {@link sendChangesToServer}. */
export interface SendChangesOptions {
  fetchOwner: FetchOwner;
  request: Omit<OperatorIngestChanges, "present" | "changed" | "failures">;
  /** Every source file found inside the scope, with its blob id, and where to read it. */
  present: ReadonlyArray<PresentFile & { path: string; language: Language }>;
  failures: OperatorIngestChanges["failures"];
  onProgress: (progress: IngestProgress) => void;
}

// A present file the server cannot reuse: new, changed, or stored by another extractor version.
function changedFiles(present: SendChangesOptions["present"], stored: readonly SourceFileRow[], serverVersion: string) {
  const storedRows = new Map(stored.map((row) => [row.file_path, row]));
  return present.filter((file) => {
    const row = storedRows.get(file.file);
    return !row || row.content_hash !== file.hash || row.extractor_version !== serverVersion;
  });
}

// A changed file's bytes as the server takes them, named by the blob id of this read (the file
// may have changed again since it was hashed); one above the size limit is sent as the failure
// extraction would report.
async function changedFileBody(file: SendChangesOptions["present"][number]): Promise<ChangedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (error) {
    return { file: file.file, hash: file.hash, language: file.language, failure: `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const base = { file: file.file, hash: gitBlobHash(bytes), language: file.language };
  if (bytes.byteLength > ingestChangesLimits.fileBytes) {
    return { ...base, failure: `file too large (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, limit 2 MB)` };
  }
  return { ...base, content: bytes.toString("base64") };
}

/**
 * `motif ingest` while `motif serve` runs: lists the server's stored files (blob ids only),
 * sends the contents of the files it lacks with the present paths, and lets the server extract
 * them and cluster with its warm memory of the repository. Undefined, having sent nothing,
 * when the change is larger than one request carries (`ingestChangesLimits`): the caller then
 * extracts and clusters in its own process and sends the result.
 */
export async function sendChangesToServer(options: SendChangesOptions): Promise<ServerIngest | undefined> {
  const { request } = options;
  const query = new URLSearchParams({ project: request.project, repository: request.repository, extractions: "false" });
  const listing = (await (await options.fetchOwner(`/api/operator/source-files?${query}`)).json()) as { files: SourceFileRow[]; extractor_version: string };
  const changed = changedFiles(options.present, listing.files, listing.extractor_version);
  if (changed.length > ingestChangesLimits.changedFiles) return undefined;
  const bodies = await Promise.all(changed.map(changedFileBody));
  const bytes = bodies.reduce((sum, body) => sum + (body.content?.length ?? 0) * 0.75, 0);
  if (bytes > ingestChangesLimits.changedBytes) return undefined;
  const sentHashes = new Map(bodies.map((changedFile) => [changedFile.file, changedFile.hash]));
  const present = options.present.map(({ file, hash }) => ({ file, hash: sentHashes.get(file) ?? hash }));
  const body: OperatorIngestChanges = { ...request, present, changed: bodies, failures: options.failures };
  const response = await options.fetchOwner("/api/operator/ingest-changes", {
    method: "POST", headers: { "content-type": "application/json", accept: "application/x-ndjson" }, body: JSON.stringify(body),
  });
  return readProgressStream<ServerIngest>(response, options.onProgress);
}
