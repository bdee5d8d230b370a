import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as extract } from "@/app/api/v1/extract/route";
import { GET as listPatterns } from "@/app/api/v1/patterns/route";
import { GET as getPattern } from "@/app/api/v1/patterns/[id]/route";
import { extractUploadedFiles } from "@/lib/upload";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;

const fixtureRoot = path.resolve("tests/fixtures/repos/python-service");
function fixtureFiles(): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".py")) files.push({ path: path.relative(fixtureRoot, full).split(path.sep).join("/"), content: fs.readFileSync(full, "utf8") });
    }
  };
  walk(fixtureRoot);
  return files;
}

const broken = { path: "shop/broken.py", content: "def (((:\n  ]]] class {{{ return )))\n".repeat(20) };
const readme = { path: "README.md", content: "# Shop\n" };
const post = (bearer: string | undefined, body: unknown) => callRoute(extract, { method: "POST", bearer, body });

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
});
afterAll(() => api.close());

describe("POST /api/v1/extract", () => {
  it("extracts and ingests the files; unparsable ones come back as failures; a re-upload changes nothing", async () => {
    const files = fixtureFiles();
    const expected = await extractUploadedFiles(files);
    expect(expected.result.patterns.length).toBeGreaterThan(3);
    const first = await post(world.memberA.token, { project: "alpha", files: [...files, broken, readme] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      files: files.length,
      units: expected.result.stats.units,
      patterns: expected.result.patterns.length,
      patterns_created: expected.result.patterns.length,
      patterns_updated: 0,
    });
    expect(first.body.failures.map((failure: { file: string }) => failure.file)).toEqual(["README.md", "shop/broken.py"]);
    expect(first.body.failures[0].reason).toMatch(/^unsupported language/);
    const listed = await callRoute(listPatterns, { bearer: world.viewerA.token, url: "http://localhost/api/v1/patterns?project=alpha&limit=100&sort=name&order=asc" });
    expect(listed.body.patterns.map((pattern: { name: string }) => pattern.name).sort()).toEqual(expected.result.patterns.map((pattern) => pattern.name).sort());
    const one = await callRoute(getPattern, { bearer: world.viewerA.token, params: { id: listed.body.patterns[0].id } });
    const uploadedPaths = new Set(files.map((file) => file.path));
    expect(one.body.pattern.occurrences.length).toBeGreaterThan(0);
    for (const occurrence of one.body.pattern.occurrences) expect(uploadedPaths.has(occurrence.file_path)).toBe(true);
    const again = await post(world.keyA, { files });
    expect(again.body).toMatchObject({ patterns_created: 0, patterns_updated: 0, patterns_unchanged: expected.result.patterns.length, failures: [] });
    expect(again.body.occurrences).toEqual({ added: 0, moved: 0, revived: 0, removed: 0 });
  });

  it("answers 413 with a clear message beyond 200 files, 1 MB per file or 5 MB in all", async () => {
    const many = Array.from({ length: 201 }, (_, index) => ({ path: `f${index}.py`, content: "x = 1\n" }));
    const tooMany = await post(world.memberA.token, { project: "alpha", files: many });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error).toEqual({
      code: "too_large:input",
      message: "files: 201 files exceed the limit of 200; send fewer or smaller files per request, or run `motif ingest` for whole repositories",
    });
    const big = await post(world.memberA.token, { project: "alpha", files: [{ path: "big.py", content: "#".repeat(1024 * 1024 + 1) }] });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/^files: big\.py is 1 MB, above the limit of 1 MB per file/);
    const total = await post(world.memberA.token, { project: "alpha", files: Array.from({ length: 6 }, (_, index) => ({ path: `p${index}.py`, content: "#".repeat(900 * 1024) })) });
    expect(total.status).toBe(413);
    expect(total.body.error.message).toMatch(/^files: 5\.3 MB in all, above the limit of 5 MB per request/);
    const huge = await post(world.memberA.token, { project: "alpha", files: [{ path: "h.py", content: "#".repeat(13 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe("request body exceeds 12 MB");
  });

  it("refuses bad fields (400), anonymous callers (401), viewers (403) and other tenants (404)", async () => {
    const climbing = await post(world.memberA.token, { project: "alpha", files: [{ path: "../etc/passwd.py", content: "x = 1" }] });
    expect(climbing.body.error).toEqual({ code: "bad_request:input", message: "files.0.path: must not contain '..'" });
    expect((await post(world.memberA.token, { project: "alpha", files: [] })).body.error.message).toBe("files: must hold at least one file");
    expect((await post(undefined, { project: "alpha", files: [readme] })).status).toBe(401);
    expect((await post(world.viewerA.token, { project: "alpha", files: [readme] })).status).toBe(403);
    expect((await post(world.adminB.token, { project: "alpha", files: [readme] })).status).toBe(404);
  });
});
