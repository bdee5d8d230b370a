import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bufferPoolBytes, formatBufferPool, relationBytes } from "@/lib/db/buffer-pool-size";

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe("bufferPoolBytes", () => {
  it("keeps Postgres' 128 MB for data dirs up to half a gigabyte of tables and indexes", () => {
    expect(bufferPoolBytes(0, 16 * GB)).toBe(128 * MB);
    expect(bufferPoolBytes(512 * MB, 16 * GB)).toBe(128 * MB);
  });

  it("grows to a quarter of the tables and indexes, in powers of two, up to 512 MB", () => {
    expect(bufferPoolBytes(700 * MB, 16 * GB)).toBe(256 * MB);
    expect(bufferPoolBytes(1.6 * GB, 16 * GB)).toBe(512 * MB);
    expect(bufferPoolBytes(20 * GB, 16 * GB)).toBe(512 * MB);
  });

  it("never takes more than a quarter of the machine's memory, nor less than the default", () => {
    expect(bufferPoolBytes(1.6 * GB, 1 * GB)).toBe(256 * MB);
    expect(bufferPoolBytes(1.6 * GB, 256 * MB)).toBe(128 * MB);
    expect(formatBufferPool(512 * MB)).toBe("512MB");
  });
});

describe("relationBytes", () => {
  it("adds up the files under base/ and leaves the WAL out", () => {
    const pgdata = fs.mkdtempSync(path.join(os.tmpdir(), "motif-pool-"));
    try {
      fs.mkdirSync(path.join(pgdata, "base", "5"), { recursive: true });
      fs.mkdirSync(path.join(pgdata, "pg_wal"));
      fs.writeFileSync(path.join(pgdata, "base", "5", "16384"), Buffer.alloc(8192));
      fs.writeFileSync(path.join(pgdata, "base", "5", "16384_fsm"), Buffer.alloc(100));
      fs.writeFileSync(path.join(pgdata, "pg_wal", "000000010000000000000001"), Buffer.alloc(4096));
      expect(relationBytes(pgdata)).toBe(8292);
      expect(relationBytes(path.join(pgdata, "missing"))).toBe(0);
    } finally {
      fs.rmSync(pgdata, { recursive: true, force: true });
    }
  });
});
