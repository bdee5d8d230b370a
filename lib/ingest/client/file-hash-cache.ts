import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";

// A file's identity on disk when it was hashed: size, mtime, ctime (ms, as Node gives them) and inode.
type Signature = [size: number, mtimeMs: number, ctimeMs: number, inode: number];

/** One file as the cache remembers it: where it stood on disk and its git blob id. */
export interface CachedFileHash {
  signature: Signature;
  hash: string;
}

interface CacheFile {
  layout: 1;
  root: string;
  /** Epoch ms when the hashing that wrote this file began. */
  startedMs: number;
  files: Record<string, [...Signature, string]>;
}

// A file modified within this long of the hashing that recorded it is hashed again: a write in
// the same clock tick as the read could keep its mtime (git's "racily clean" entries).
const racyMarginMs = 2_000;

/** The signature of a stat result. */
export function signatureOf(info: Stats): Signature {
  return [info.size, info.mtimeMs, info.ctimeMs, info.ino];
}

const sameSignature = (left: Signature, right: Signature) => left.every((value, index) => value === right[index]);

/**
 * The blob ids `motif ingest` computed for a repository's files the last time, by path, with
 * each file's size, mtime, ctime and inode then: a file whose stat is unchanged is not read
 * again. An entry is used only when the file's mtime and ctime were well before the hashing
 * that wrote it (a file written again in the same clock tick would keep its mtime), and the
 * caller never trusts it over a server's stored blob id: a file whose cached id differs from
 * the stored one is read and hashed again before anything is sent.
 */
export class FileHashCache {
  private readonly entries: Map<string, CachedFileHash & { trusted: boolean }>;
  private readonly next = new Map<string, CachedFileHash>();

  private constructor(private readonly file: string, private readonly root: string, loaded: CacheFile | undefined) {
    this.entries = new Map(Object.entries(loaded?.files ?? {}).map(([relative, [size, mtimeMs, ctimeMs, inode, hash]]) => [
      relative,
      { signature: [size, mtimeMs, ctimeMs, inode], hash, trusted: Math.max(mtimeMs, ctimeMs) < loaded!.startedMs - racyMarginMs },
    ]));
  }

  /** The cache for `root`, kept in `folder` (one file per repository root); empty when there is none or it cannot be read. */
  static open(folder: string, root: string): FileHashCache {
    const file = path.join(folder, `${createHash("sha256").update(root).digest("hex").slice(0, 16)}.json`);
    let loaded: CacheFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (parsed.layout === 1 && parsed.root === root && typeof parsed.startedMs === "number" && parsed.files && typeof parsed.files === "object") loaded = parsed;
    } catch {
      // No cache yet, or one this version cannot read: every file is hashed.
    }
    return new FileHashCache(file, root, loaded);
  }

  /** The cached blob id of `relative` when the file still has the signature it had then, else undefined. */
  lookup(relative: string, signature: Signature): string | undefined {
    const entry = this.entries.get(relative);
    return entry?.trusted && sameSignature(entry.signature, signature) ? entry.hash : undefined;
  }

  /** Records a file's blob id for the next run (only files recorded in this run are kept). */
  record(relative: string, signature: Signature, hash: string): void {
    this.next.set(relative, { signature, hash });
  }

  /** Forgets what this run recorded for a file (its content turned out to differ from the recorded id). */
  forget(relative: string): void {
    this.next.delete(relative);
  }

  /** Writes what this run recorded, replacing the file atomically; `startedMs` is when this run's hashing began. */
  save(startedMs: number): void {
    const files: CacheFile["files"] = {};
    for (const [relative, { signature, hash }] of this.next) files[relative] = [...signature, hash];
    const body: CacheFile = { layout: 1, root: this.root, startedMs, files };
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(body), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

/** Stats a file for the cache; undefined when it cannot be stat'ed (the read reports why). */
export function statSignature(absolutePath: string): Signature | undefined {
  try {
    return signatureOf(statSync(absolutePath));
  } catch {
    return undefined;
  }
}
