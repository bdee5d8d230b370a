import { MotifError } from "@/lib/errors";
import { formatBytes } from "@/lib/http";

/** What POST /api/v1/extract accepts in one request; larger runs go through `motif ingest`. */
export const uploadLimits = {
  maxFiles: 200,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 5 * 1024 * 1024,
  // The JSON around the files (escaped newlines and quotes) may add to the content's size.
  maxBodyBytes: 12 * 1024 * 1024,
} as const;

/** A file as the request carries it. */
export interface UploadedFile {
  path: string;
  content: string;
}

/**
 * Refuses an upload beyond the limits with a 413 that says which limit and by how much, so
 * the caller knows to split the request or use `motif ingest`.
 */
export function assertWithinUploadLimits(files: UploadedFile[]): void {
  const advice = "; send fewer or smaller files per request, or run `motif ingest` for whole repositories";
  if (files.length > uploadLimits.maxFiles) {
    throw new MotifError("too_large:input", `files: ${files.length} files exceed the limit of ${uploadLimits.maxFiles}${advice}`);
  }
  let total = 0;
  for (const file of files) {
    const bytes = Buffer.byteLength(file.content, "utf8");
    if (bytes > uploadLimits.maxFileBytes) {
      throw new MotifError("too_large:input", `files: ${file.path} is ${formatBytes(bytes)}, above the limit of ${formatBytes(uploadLimits.maxFileBytes)} per file${advice}`);
    }
    total += bytes;
  }
  if (total > uploadLimits.maxTotalBytes) {
    throw new MotifError("too_large:input", `files: ${formatBytes(total)} in all, above the limit of ${formatBytes(uploadLimits.maxTotalBytes)} per request${advice}`);
  }
}
