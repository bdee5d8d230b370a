import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ingestMemoryFileFormat, ingestMemoryFileSchema, type IngestMemoryFile } from "@/lib/domain";
import { extractorVersion } from "@/lib/extract";
import { IngestMemory, type LastWrite } from "./ingest-memory";

/** Which repository of which project a memory file stands for. */
export interface PersistedRepository {
  /** The folder holding the memory files of one database (the data dir's `ingest-memory/<database>`). */
  folder: string;
  projectId: string;
  repository: string;
}

/** The file that keeps one repository's ingest memory. */
export function ingestMemoryFileOf(where: PersistedRepository): string {
  const name = createHash("sha256").update(`${where.projectId}\u0000${where.repository}`).digest("hex").slice(0, 24);
  return path.join(where.folder, `${name}.json`);
}

function lastWriteOf(file: IngestMemoryFile): LastWrite {
  return {
    digest: file.digest,
    setting: file.setting,
    lexemesExact: file.lexemesExact,
    written: {
      patterns: new Map(file.patterns),
      occurrences: new Map(file.occurrences),
      relationships: new Map(file.relationships.map(([relationship_type, source_key, target_key, row]) => [
        `${relationship_type}\u0000${source_key}\u0000${target_key}`, { keys: { relationship_type, source_key, target_key }, row },
      ])),
    },
  };
}

/**
 * The repository's ingest memory as the last one-shot ingest left it in its file, or an empty
 * one when there is none, it does not parse, or it was written by another extractor version
 * or for another project or repository. What it holds is still only a claim: the write uses
 * it only when the project's stored state digest is the one it names (`differenceFromLast`).
 */
export function loadIngestMemory(where: PersistedRepository): IngestMemory {
  const memory = new IngestMemory();
  let text: string;
  try {
    text = readFileSync(ingestMemoryFileOf(where), "utf8");
  } catch {
    return memory;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return memory;
  }
  const parsed = ingestMemoryFileSchema.safeParse(json);
  const file = parsed.success ? parsed.data : undefined;
  if (file && file.extractorVersion === extractorVersion && file.projectId === where.projectId && file.repository === where.repository) {
    memory.last = lastWriteOf(file);
  }
  return memory;
}

/**
 * Keeps what the memory holds after an ingest for the next process (written to a temporary
 * file and renamed, so a reader never sees half of it; readable by the owner only, as the
 * data dir); a memory that holds nothing (the write could not be remembered) removes the file.
 */
export function saveIngestMemory(where: PersistedRepository, memory: IngestMemory): void {
  const target = ingestMemoryFileOf(where);
  const last = memory.last;
  if (!last) {
    rmSync(target, { force: true });
    return;
  }
  const file: IngestMemoryFile = {
    format: ingestMemoryFileFormat, extractorVersion, projectId: where.projectId, repository: where.repository,
    digest: last.digest, setting: last.setting, lexemesExact: last.lexemesExact,
    patterns: [...last.written.patterns], occurrences: [...last.written.occurrences],
    relationships: [...last.written.relationships.values()].map(({ keys, row }) => [keys.relationship_type, keys.source_key, keys.target_key, row]),
  };
  mkdirSync(where.folder, { recursive: true, mode: 0o700 });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 });
  renameSync(temporary, target);
}

const pendingSaves = new Map<string, { timer: ReturnType<typeof setTimeout>; save: () => void }>();
let flushesOnExit = false;

/**
 * `saveIngestMemory` a moment later, off the request that wrote (its answer goes first); of
 * several writes of one repository in that moment, the file keeps the last. A save that fails
 * is told to `onError` (the ingest stands; the next process then writes everything).
 */
export function saveIngestMemoryLater(where: PersistedRepository, memory: IngestMemory, onError?: (error: Error) => void): void {
  const target = ingestMemoryFileOf(where);
  clearTimeout(pendingSaves.get(target)?.timer);
  const save = () => {
    pendingSaves.delete(target);
    try {
      saveIngestMemory(where, memory);
    } catch (error) {
      onError?.(error as Error);
    }
  };
  pendingSaves.set(target, { timer: setTimeout(save, 200), save });
  // A server stopped by a signal exits through `process.exit` before the timer runs: the exit
  // handler saves what is pending then (the writes are synchronous, as an exit handler needs).
  if (!flushesOnExit) {
    flushesOnExit = true;
    process.once("exit", flushIngestMemorySaves);
  }
}

/** Saves now what `saveIngestMemoryLater` was asked to save (before a process stops). */
export function flushIngestMemorySaves(): void {
  for (const { timer, save } of [...pendingSaves.values()]) {
    clearTimeout(timer);
    save();
  }
}
