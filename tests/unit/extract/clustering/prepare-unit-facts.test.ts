import { describe, expect, it } from "vitest";
import { buildPatterns, prepareUnitFacts } from "@/lib/extract/clustering";
import { extractFixtureRepo } from "./fixture-repos";

describe("prepareUnitFacts", () => {
  it.each(["python-service", "ts-service"])("leaves buildPatterns' result on %s exactly as without it", async (name) => {
    // Two separate extractions: the facts are memoised per unit object, so the plain run computes its own.
    const [plain, prepared] = await Promise.all([extractFixtureRepo(name), extractFixtureRepo(name)]);
    // Files arrive from workers in any order: prepare them last to first.
    for (const file of [...prepared].reverse()) prepareUnitFacts(file);
    const expected = buildPatterns({ files: plain });
    expect(expected.patterns.length).toBeGreaterThan(3);
    expect(buildPatterns({ files: prepared })).toEqual(expected);
  });
});
