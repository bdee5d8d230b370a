import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractorVersion } from "@/lib/extract";

const repository = path.resolve(import.meta.dirname, "../../..");

describe("the extractor version", () => {
  it("is the digest of the extractor's sources as they are now (npm run extract:version rewrites it)", () => {
    const check = spawnSync(process.execPath, [path.join(repository, "scripts/extractor-version.mjs"), "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("names a digest, not a hand-kept number", () => {
    expect(extractorVersion).toMatch(/^motif-extract-[0-9a-f]{16}$/);
  });
});
