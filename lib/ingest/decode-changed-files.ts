import type { ChangedFile, OperatorIngestChanges } from "@/lib/domain";
import { ingestChangesLimits } from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { gitBlobHash } from "./client/git-blob-hash";

/** A changed file as received, its bytes decoded and checked against its blob id. */
export interface ReceivedFile {
  file: ChangedFile["file"];
  hash: string;
  language: ChangedFile["language"];
  bytes?: Uint8Array;
  failure?: string;
}

function refuse(message: string): never {
  throw new MotifError("bad_request:input", message);
}

/**
 * Decodes an ingest-changes request's files and refuses (400, naming the file) what does not
 * hold together: a path listed twice, a changed file not listed as present at the same blob
 * id, contents that are not base64, larger than a file may be, or whose blob id is not the
 * one given (so what is stored under a blob id is what has it).
 */
export function decodeChangedFiles(request: Pick<OperatorIngestChanges, "present" | "changed">): Map<string, ReceivedFile> {
  const present = new Map<string, string>();
  for (const [index, entry] of request.present.entries()) {
    if (present.has(entry.file)) refuse(`present[${index}]: ${entry.file} is listed twice`);
    present.set(entry.file, entry.hash);
  }
  const received = new Map<string, ReceivedFile>();
  for (const [index, changed] of request.changed.entries()) {
    const where = `changed[${index}] (${changed.file})`;
    if (received.has(changed.file)) refuse(`${where}: sent twice`);
    if (present.get(changed.file) !== changed.hash) refuse(`${where}: not listed in present with blob id ${changed.hash}`);
    if (changed.content === undefined) {
      received.set(changed.file, { file: changed.file, hash: changed.hash, language: changed.language, failure: changed.failure });
      continue;
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(changed.content) || changed.content.length % 4 !== 0) refuse(`${where}: content is not base64`);
    const bytes = Buffer.from(changed.content, "base64");
    if (bytes.byteLength > ingestChangesLimits.fileBytes) refuse(`${where}: larger than ${ingestChangesLimits.fileBytes} bytes; send a failure instead`);
    const actual = gitBlobHash(bytes);
    if (actual !== changed.hash) refuse(`${where}: its content's blob id is ${actual}, not ${changed.hash}`);
    received.set(changed.file, { file: changed.file, hash: changed.hash, language: changed.language, bytes });
  }
  return received;
}
