/** The largest source file extraction reads, wherever it comes from (disk, an upload of changes, GitHub): larger files are data or bundles. */
export const maxExtractedFileBytes = 2 * 1024 * 1024;

/** The failure reason a file above {@link maxExtractedFileBytes} is reported with. */
export function fileTooLargeReason(bytes: number): string {
  return `file too large (${(bytes / 1024 / 1024).toFixed(1)} MB, limit ${maxExtractedFileBytes / 1024 / 1024} MB)`;
}
