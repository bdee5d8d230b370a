import { readIngestStateDigest, type Queryable } from "@/lib/db";
import { rowsDifference, type IngestMemory, type LastWrite, type RowsDifference, type WrittenRows } from "./ingest-memory";
import type { IngestRows } from "./ingest-rows";

/** The write an ingest memory stands for or is used by. */
export interface RememberedWrite {
  memory?: IngestMemory;
  /** The memory's last write, as it was when this ingest began. */
  last?: LastWrite;
  projectId: string;
  repository: string;
  scope?: string[];
  embeddingModel: string;
  rows: IngestRows;
}

// What may change how the same extraction is staged: a memory of another setting is not used.
const settingOf = (write: RememberedWrite) => JSON.stringify([write.repository, write.scope ?? null, write.embeddingModel]);

/** The scope of the ingest a memory's last write stands for (undefined: the whole repository). */
export function scopeOfLastWrite(last: LastWrite): string[] | undefined {
  const [, scope] = JSON.parse(last.setting) as [string, string[] | null, string];
  return scope ?? undefined;
}

// The whole repository with every file read: the runs a memory may stand for (a failed file
// keeps its stored occurrences, a narrower scope leaves others alone: what is stored then
// differs from what was staged).
const memorable = (write: RememberedWrite) => write.memory !== undefined && write.rows.failedFiles.length === 0 && (!write.scope || write.scope.includes(""));

/**
 * The difference of this ingest's rows from the last one's, when the project is exactly as
 * that ingest left it (`readIngestStateDigest`, which also takes the project's ingest lock);
 * undefined when everything must be written.
 */
export async function differenceFromLast(transaction: Queryable, write: RememberedWrite, written: WrittenRows): Promise<RowsDifference | undefined> {
  const { last } = write;
  if (!last || !memorable(write) || last.setting !== settingOf(write)) return undefined;
  const state = await readIngestStateDigest({ transaction, projectId: write.projectId, repository: write.repository });
  return state.simple && state.digest === last.digest ? rowsDifference(last.written, written, write.rows) : undefined;
}

/** Whether a difference stages nothing at all: its write then leaves the project's state as it found it. */
export function isEmptyDifference(difference: RowsDifference): boolean {
  const { rows, occurrences, removedRelationships } = difference;
  return rows.patterns.length === 0 && rows.occurrences.length === 0 && rows.relationships.length === 0 &&
    removedRelationships.length === 0 && occurrences.stagedKeys.length === 0 && occurrences.vanishedKeys.length === 0;
}

/**
 * What the memory keeps of this write (once its transaction commits): its rows and the
 * project's state after it. `unchangedDigest`: the digest this transaction read before a write
 * that staged nothing, taken as the state after it instead of summing the project again. Safe
 * whatever the write did: had it changed anything, the next ingest reads another digest and
 * writes everything.
 */
export async function rememberWrite(transaction: Queryable, write: RememberedWrite, written: WrittenRows, lexemesExact: boolean, unchangedDigest?: string): Promise<LastWrite | undefined> {
  if (!memorable(write)) return undefined;
  if (unchangedDigest !== undefined) return { written, digest: unchangedDigest, setting: settingOf(write), lexemesExact };
  const state = await readIngestStateDigest({ transaction, projectId: write.projectId, repository: write.repository });
  return state.simple ? { written, digest: state.digest, setting: settingOf(write), lexemesExact } : undefined;
}
