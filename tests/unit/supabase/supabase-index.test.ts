import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaObjects, supabaseIndex } from "@/scripts/supabase-index";

const repository = path.resolve(import.meta.dirname, "../../..");

describe("supabase/README.md", () => {
  it("names, for every function, the migration holding its current definition (npm run db:index rewrites it)", () => {
    expect(readFileSync(path.join(repository, "supabase/README.md"), "utf8"), "supabase/README.md is stale: run npm run db:index").toBe(supabaseIndex());
  });

  it("finds the last create or replace of a function", () => {
    const match = schemaObjects().find((object) => object.kind === "function" && object.name === "public.match_patterns");
    expect(match?.definedIn).toMatch(/_match_coverage_rank\.sql$/);
  });
});
