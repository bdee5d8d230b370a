import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openPgliteDatabase } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";

// Embedded Postgres' buffer pool is set when the data dir opens (lib/db/buffer-pool-size.ts):
// for a server, sized from the data dir; MOTIF_PG_SHARED_BUFFERS, when set, for every open.
describe("the buffer pool of an embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-buffer-pool-"));
  const sharedBuffers = async (sizeBufferPool = false) => {
    const database = await openPgliteDatabase(dataDir, { sizeBufferPool });
    try {
      const [{ shared_buffers }] = await database.query<{ shared_buffers: string }>(`show shared_buffers`);
      return shared_buffers;
    } finally {
      await database.close();
    }
  };
  afterEach(() => {
    delete process.env.MOTIF_PG_SHARED_BUFFERS;
    resetEnvironmentCache();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("keeps Postgres' default for a small data dir and takes the configured size when set", async () => {
    expect(await sharedBuffers()).toBe("128MB");
    expect(await sharedBuffers(true)).toBe("128MB");
    process.env.MOTIF_PG_SHARED_BUFFERS = "";
    resetEnvironmentCache();
    expect(await sharedBuffers(true)).toBe("128MB");
    process.env.MOTIF_PG_SHARED_BUFFERS = "256MB";
    resetEnvironmentCache();
    expect(await sharedBuffers()).toBe("256MB");
  });

  it("refuses a size Postgres could not read, naming the variable", async () => {
    process.env.MOTIF_PG_SHARED_BUFFERS = "lots";
    resetEnvironmentCache();
    await expect(sharedBuffers()).rejects.toThrow(/MOTIF_PG_SHARED_BUFFERS: use a size such as "256MB"/);
  });
});
