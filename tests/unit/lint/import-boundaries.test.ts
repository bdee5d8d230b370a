import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript (the ESLint config loads it without a TypeScript loader).
import { boundaryViolation } from "@/eslint/import-boundaries.mjs";

const check = boundaryViolation as (source: string, target: string) => string | null;

describe("import boundaries (npm run lint)", () => {
  it("lets any folder import a capability through its index, and a capability import its own insides", () => {
    expect(check("app/api/v1/patterns/route.ts", "lib/patterns")).toBeNull();
    expect(check("lib/search/match-patterns.ts", "lib/db")).toBeNull();
    expect(check("lib/extract/units/find-units.ts", "lib/extract/syntax-tree")).toBeNull();
    expect(check("components/live-feed.tsx", "lib/realtime/client")).toBeNull();
    // `motif ingest` through a running server loads discovery and the ingest's client side only.
    expect(check("lib/cli/commands/ingest.ts", "lib/ingest/client")).toBeNull();
    expect(check("lib/cli/commands/ingest.ts", "lib/extract/discover")).toBeNull();
    expect(check("lib/search/match-patterns.ts", "lib/domain/index.ts")).toBeNull();
  });

  it("rejects a deep import across capability folders", () => {
    expect(check("lib/search/match-patterns.ts", "lib/db/queries/match-queries")).toMatch(/^deep import: import "@\/lib\/db"/);
    expect(check("components/pattern-table.tsx", "lib/extract/types")).toMatch(/^deep import/);
  });

  it("keeps lib/domain pure, lib/ away from app/ and components/, app/ and extract/embed/quality away from lib/db", () => {
    expect(check("lib/domain/match.ts", "lib/db")).toMatch(/lib\/domain imports nothing/);
    expect(check("lib/patterns/pattern-view.ts", "components/format")).toBe("lib/ never imports components/");
    expect(check("lib/http/route-handler.ts", "app/api/v1/patterns/schema")).toBe("lib/ never imports app/");
    expect(check("app/api/v1/projects/route.ts", "lib/db")).toMatch(/^app\/ never imports lib\/db/);
    for (const capability of ["extract", "embed", "quality"]) {
      expect(check(`lib/${capability}/x.ts`, "lib/db")).toBe(`lib/${capability} never imports lib/db`);
    }
  });
});
