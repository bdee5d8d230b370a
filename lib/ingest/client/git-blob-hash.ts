import { createHash } from "node:crypto";

/**
 * git's blob id of a file's bytes (sha1 of "blob <size>\0" + bytes): the content hash that
 * incremental ingest keeps per file, equal to the `sha` GitHub lists for the file in a tree,
 * a compare or a pull request, so unchanged files are known without downloading them.
 */
export function gitBlobHash(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}
