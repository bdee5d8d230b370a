import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deletePattern, GET as getPattern, PATCH as patchPattern } from "@/app/api/v1/patterns/[id]/route";
import { GET as getLineage } from "@/app/api/v1/patterns/[id]/lineage/route";
import { GET as listPatterns, POST as createPattern } from "@/app/api/v1/patterns/route";
import { asService } from "@/lib/db";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, createTestPattern, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
const list = (bearer: string | undefined, query: string) =>
  callRoute(listPatterns, { bearer, url: `http://localhost/api/v1/patterns?${query}` });

const retryCode = `def fetch_with_retry(url, attempts=3):
    for attempt in range(attempts):
        try:
            return http_get(url)
        except ConnectionError:
            time.sleep(2 ** attempt)
`;

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
});
afterAll(() => api.close());

describe("POST /api/v1/patterns", () => {
  it("creates a manual pattern, embedded, with an event on the feed", async () => {
    const answer = await callRoute(createPattern, {
      method: "POST",
      bearer: world.memberA.token,
      body: { project: "alpha", name: "Retry with exponential backoff", description: "Retries a call, doubling the pause.", code: retryCode, language: "python", kind: "retry_backoff", tags: ["retry", "network"] },
    });
    expect(answer.status).toBe(201);
    const pattern = answer.body.pattern;
    expect(pattern).toMatchObject({ name: "Retry with exponential backoff", extraction_method: "manual", version: 1, status: "active", embedding_model: "motif-builtin-v4", usage_count: 0, parent_pattern_id: null });
    expect(pattern.quality).toEqual({ score: null, complexity: null, documentation: null, test_coverage: null, reusability: null, maintainability: null });
    const stored = await asService(api.database, (transaction) =>
      transaction.query<{ dimensions: number; search_text: string; events: string[] }>(
        `select vector_dims(embedding) as dimensions, search_text,
           (select array_agg(event_type) from public.pattern_events e where e.pattern_id = p.id) as events
         from public.patterns p where id = $1`,
        [pattern.id],
      ),
    );
    expect(stored[0].dimensions).toBe(384);
    expect(stored[0].search_text).toContain("fetch with retry");
    expect(stored[0].events).toEqual(["pattern.created"]);
  });

  it("takes an API key's own project when none is named", async () => {
    const pattern = await createTestPattern(world.keyA, { name: "Keyed pattern", code: "function keyed() { return 1; }" });
    const [row] = await asService(api.database, (transaction) =>
      transaction.query<{ slug: string }>(`select pr.slug from public.patterns p join public.projects pr on pr.id = p.project_id where p.id = $1`, [pattern.id]),
    );
    expect(row.slug).toBe("alpha");
  });

  it("answers 400 naming the bad field, 401 to anonymous callers, 403 to viewers, 404 for a hidden project", async () => {
    const empty = await callRoute(createPattern, { method: "POST", bearer: world.memberA.token, body: { project: "alpha", name: "", code: "x" } });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toEqual({ code: "bad_request:input", message: "name: is required" });
    const badKind = await callRoute(createPattern, { method: "POST", bearer: world.memberA.token, body: { project: "alpha", name: "n", code: "x", kind: "teleporter" } });
    expect(badKind.body.error.message).toMatch(/^kind: /);
    const noProject = await callRoute(createPattern, { method: "POST", bearer: world.memberA.token, body: { name: "n", code: "x" } });
    expect(noProject.body.error.message).toBe("project: is required (a project slug or id)");
    expect((await callRoute(createPattern, { method: "POST", body: { project: "alpha", name: "n", code: "x" } })).status).toBe(401);
    const viewer = await callRoute(createPattern, { method: "POST", bearer: world.viewerA.token, body: { project: "alpha", name: "n", code: "x" } });
    expect(viewer.status).toBe(403);
    expect((await callRoute(createPattern, { method: "POST", bearer: world.viewerKeyA, body: { name: "n", code: "x" } })).status).toBe(403);
    const outsider = await callRoute(createPattern, { method: "POST", bearer: world.adminB.token, body: { project: "alpha", name: "n", code: "x" } });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toBe('project "alpha" not found');
  });
});

describe("GET /api/v1/patterns", () => {
  beforeAll(async () => {
    for (const [name, tags] of [["Cache lookup", ["cache"]], ["Event emitter", ["events"]], ["Database transaction", ["database", "transaction"]], ["Input validator", ["validation"]]] as const) {
      await createTestPattern(world.adminA.token, { project: "alpha", name, code: `function ${name.replaceAll(" ", "")}() {}`, tags, language: "typescript" });
    }
    await createTestPattern(world.adminB.token, { project: "beta", name: "Beta secret", code: "def secret(): pass" });
  });

  it("pages through every pattern with an opaque cursor, in order, without repeats", async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: { status: number; body: { patterns: { name: string; code?: string }[]; next_cursor: string | null } } =
        await list(world.viewerA.token, `project=alpha&sort=name&order=asc&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status).toBe(200);
      expect(answer.body.patterns.every((pattern) => pattern.code === undefined)).toBe(true);
      names.push(...answer.body.patterns.map((pattern) => pattern.name));
      cursor = answer.body.next_cursor;
      pages++;
    } while (cursor);
    expect(names).toEqual(["Cache lookup", "Database transaction", "Event emitter", "Input validator", "Keyed pattern", "Retry with exponential backoff"]);
    expect(pages).toBe(3);
  });

  it("filters by tags, languages, kinds and full text", async () => {
    const byTag = await list(world.memberA.token, "project=alpha&tags=cache,validation&sort=name&order=asc");
    expect(byTag.body.patterns.map((pattern: { name: string }) => pattern.name)).toEqual(["Cache lookup", "Input validator"]);
    const byKind = await list(world.memberA.token, "project=alpha&kinds=retry_backoff");
    expect(byKind.body.patterns.map((pattern: { name: string }) => pattern.name)).toEqual(["Retry with exponential backoff"]);
    const byText = await list(world.memberA.token, "project=alpha&q=doubling%20pause");
    expect(byText.body.patterns.map((pattern: { name: string }) => pattern.name)).toEqual(["Retry with exponential backoff"]);
    const byLanguage = await list(world.memberA.token, "languages=python&languages=javascript");
    expect(byLanguage.body.patterns.map((pattern: { name: string }) => pattern.name)).toEqual(["Retry with exponential backoff"]);
  });

  it("refuses a bad limit, sort or cursor with 400 naming the parameter", async () => {
    expect((await list(world.memberA.token, "limit=0")).body.error.message).toBe("limit: must be between 1 and 100");
    expect((await list(world.memberA.token, "limit=101")).body.error.message).toBe("limit: must be between 1 and 100");
    expect((await list(world.memberA.token, "sort=popularity")).body.error.message).toMatch(/^sort: /);
    expect((await list(world.memberA.token, "cursor=garbage")).body.error.message).toBe("cursor: is not a cursor this API returned");
    const first = await list(world.memberA.token, "project=alpha&sort=name&limit=1");
    const mismatched = await list(world.memberA.token, `project=alpha&sort=created_at&limit=1&cursor=${first.body.next_cursor}`);
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.error.message).toMatch(/^cursor: was made for sort=name/);
  });

  it("shows another tenant nothing: not by name, not without a project, not with its key", async () => {
    expect((await list(world.adminB.token, "project=alpha")).status).toBe(404);
    const mine = await list(world.adminB.token, "sort=name&order=asc");
    expect(mine.body.patterns.map((pattern: { name: string }) => pattern.name)).toEqual(["Beta secret"]);
    const keyed = await list(world.keyB, "sort=name");
    expect(keyed.body.patterns.map((pattern: { name: string }) => pattern.name)).toEqual(["Beta secret"]);
    expect((await list(world.keyB, "project=alpha")).status).toBe(404);
    expect((await list(undefined, "")).status).toBe(401);
  });
});

describe("GET /api/v1/patterns: what leads the list", () => {
  const names = (answer: { body: { patterns: { name: string }[] } }) => answer.body.patterns.map((pattern) => pattern.name);
  // Ingest writes recurring and prominence from extraction (tests/db/ingest.test.ts); here they are set as ingest would.
  const stand = (name: string, values: { recurring?: boolean; prominence?: number; status?: string }) =>
    asService(api.database, (transaction) =>
      transaction.query(
        `update public.patterns set recurring = coalesce($2, recurring), prominence = coalesce($3, prominence), status = coalesce($4, status)
         where name = $1 and 'ordering' = any(tags)`,
        [name, values.recurring ?? null, values.prominence ?? null, values.status ?? null],
      ),
    );

  beforeAll(async () => {
    for (const [name, kind] of [["Well-scored one-off", null], ["Recurring helper", null], ["Observer registry", "observer_event"], ["Retired recurring helper", null], ["Thin one-off", null]] as const) {
      await createTestPattern(world.adminA.token, { project: "alpha", name, code: `function ${name.replaceAll(/\W/g, "")}() {}`, tags: ["ordering"], language: "typescript", ...(kind ? { kind } : {}) });
    }
    await stand("Well-scored one-off", { recurring: false, prominence: 0.9 });
    await stand("Recurring helper", { recurring: true, prominence: 0.3 });
    await stand("Observer registry", { prominence: 0.1 });
    await stand("Retired recurring helper", { recurring: true, prominence: 2, status: "deprecated" });
    await stand("Thin one-off", { prominence: 0.05 });
  });

  it("puts design patterns and recurring shapes first by default, then one-off units, each by prominence", async () => {
    const answer = await list(world.viewerA.token, "project=alpha&tags=ordering");
    expect(answer.status).toBe(200);
    expect(names(answer)).toEqual(["Recurring helper", "Observer registry", "Well-scored one-off", "Thin one-off"]);
    expect(answer.body.patterns[0]).toMatchObject({ recurring: true, caller_count: 0, prominence: 0.3 });
  });

  it("never lets a deprecated pattern lead, in any order", async () => {
    const statuses = "statuses=active,deprecated&tags=ordering&project=alpha";
    for (const order of ["", "&sort=prominence&order=asc", "&sort=name&order=asc", "&sort=name&order=desc", "&sort=quality_score"]) {
      const answer = await list(world.viewerA.token, `${statuses}${order}`);
      expect(names(answer)).toHaveLength(5);
      expect(names(answer).at(-1)).toBe("Retired recurring helper");
    }
  });

  it("pages the default order with a cursor exactly as one page", async () => {
    const whole = names(await list(world.viewerA.token, "project=alpha&tags=ordering&statuses=active,deprecated"));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const answer: { status: number; body: { patterns: { name: string }[]; next_cursor: string | null } } =
        await list(world.viewerA.token, `project=alpha&tags=ordering&statuses=active,deprecated&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status).toBe(200);
      paged.push(...names(answer));
      cursor = answer.body.next_cursor;
    } while (cursor);
    expect(paged).toEqual(whole);
  });

  it("filters recurring shapes and one-off units, and refuses anything but true or false", async () => {
    expect(names(await list(world.viewerA.token, "project=alpha&tags=ordering&recurring=true"))).toEqual(["Recurring helper"]);
    expect(names(await list(world.viewerA.token, "project=alpha&tags=ordering&recurring=false"))).toEqual(["Observer registry", "Well-scored one-off", "Thin one-off"]);
    const bad = await list(world.viewerA.token, "project=alpha&recurring=often");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^recurring: /);
  });
});

describe("GET/PATCH/DELETE /api/v1/patterns/{id} and lineage", () => {
  let v1: { id: string };

  beforeAll(async () => {
    v1 = await createTestPattern(world.memberA.token, { project: "alpha", name: "Paged fetch", description: "Fetches all pages.", code: "def fetch_all(client):\n    return list(client.pages())\n", language: "python", tags: ["pagination"] });
    await asService(api.database, async (transaction) => {
      const [{ project_id }] = await transaction.query<{ project_id: string }>(`select project_id from public.patterns where id = $1`, [v1.id]);
      await transaction.query(
        `insert into public.pattern_occurrences (project_id, pattern_id, file_path, start_line, end_line, qualname, unit_kind)
         values ($1, $2, 'src/client.py', 10, 12, 'fetch_all', 'function'), ($1, $2, 'src/admin.py', 3, 5, 'fetch_every', 'function')`,
        [project_id, v1.id],
      );
    });
  });

  it("returns the pattern with occurrences, relationships and quality parts; 404 to outsiders", async () => {
    const answer = await callRoute(getPattern, { bearer: world.viewerA.token, params: { id: v1.id } });
    expect(answer.status).toBe(200);
    expect(answer.body.pattern.occurrences.map((occurrence: { file_path: string; start_line: number }) => [occurrence.file_path, occurrence.start_line])).toEqual([["src/admin.py", 3], ["src/client.py", 10]]);
    expect(answer.body.pattern.relationships).toEqual([]);
    expect(answer.body.pattern.quality).toHaveProperty("test_coverage", null);
    expect((await callRoute(getPattern, { bearer: world.adminB.token, params: { id: v1.id } })).status).toBe(404);
    expect((await callRoute(getPattern, { bearer: world.keyB, params: { id: v1.id } })).status).toBe(404);
    const badId = await callRoute(getPattern, { bearer: world.adminA.token, params: { id: "not-a-uuid" } });
    expect(badId.body.error).toEqual({ code: "bad_request:input", message: "id: must be a pattern id (uuid)" });
  });

  it("changes tags in place, without a new version", async () => {
    const answer = await callRoute(patchPattern, { method: "PATCH", bearer: world.memberA.token, params: { id: v1.id }, body: { tags: ["pagination", "http"] } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ versioned: false, previous_version_id: null, pattern: { id: v1.id, version: 1, tags: ["pagination", "http"] } });
    const empty = await callRoute(patchPattern, { method: "PATCH", bearer: world.memberA.token, params: { id: v1.id }, body: {} });
    expect(empty.body.error.message).toBe("name at least one field to change");
    const unknown = await callRoute(patchPattern, { method: "PATCH", bearer: world.memberA.token, params: { id: v1.id }, body: { version: 7 } });
    expect(unknown.status).toBe(400);
  });

  it("makes version 2 when the code changes; v1 becomes deprecated and superseded; lineage from either end", async () => {
    const answer = await callRoute(patchPattern, {
      method: "PATCH", bearer: world.memberA.token, params: { id: v1.id },
      body: { code: "def fetch_all(client):\n    return [page for page in client.pages()]\n" },
    });
    expect(answer.status).toBe(200);
    const v2 = answer.body.pattern;
    expect(answer.body).toMatchObject({ versioned: true, previous_version_id: v1.id });
    expect(v2).toMatchObject({ version: 2, parent_pattern_id: v1.id, status: "active", tags: ["pagination", "http"], extraction_method: "manual", usage_count: 0 });
    expect(v2.id).not.toBe(v1.id);
    const old = await callRoute(getPattern, { bearer: world.memberA.token, params: { id: v1.id } });
    expect(old.body.pattern).toMatchObject({ status: "deprecated", superseded_by: v2.id });
    const fresh = await callRoute(getPattern, { bearer: world.memberA.token, params: { id: v2.id } });
    expect(fresh.body.pattern.occurrences.map((occurrence: { qualname: string }) => occurrence.qualname)).toEqual(["fetch_every", "fetch_all"]);
    for (const id of [v1.id, v2.id]) {
      const lineage = await callRoute(getLineage, { bearer: world.viewerA.token, params: { id } });
      expect(lineage.body.lineage.map((version: { id: string; version: number }) => [version.id, version.version])).toEqual([[v1.id, 1], [v2.id, 2]]);
    }
    expect((await callRoute(getLineage, { bearer: world.adminB.token, params: { id: v2.id } })).status).toBe(404);
    const stale = await callRoute(patchPattern, { method: "PATCH", bearer: world.memberA.token, params: { id: v1.id }, body: { description: "again" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(`pattern ${v1.id} is superseded by ${v2.id}: change the latest version`);
    const v3 = await callRoute(patchPattern, { method: "PATCH", bearer: world.memberA.token, params: { id: v2.id }, body: { description: "Fetches every page." } });
    const chain = await callRoute(getLineage, { bearer: world.memberA.token, params: { id: v1.id } });
    expect(chain.body.lineage.map((version: { id: string; status: string }) => [version.id, version.status])).toEqual([
      [v1.id, "deprecated"], [v2.id, "deprecated"], [v3.body.pattern.id, "active"],
    ]);
  });

  it("lets members deprecate and restore, only admins archive; viewers and outsiders change nothing", async () => {
    const pattern = await createTestPattern(world.memberA.token, { project: "alpha", name: "Status target", code: "x = 1" });
    const patch = (bearer: string, body: object) => callRoute(patchPattern, { method: "PATCH", bearer, params: { id: pattern.id }, body });
    expect((await patch(world.memberA.token, { status: "deprecated" })).body.pattern.status).toBe("deprecated");
    expect((await patch(world.memberA.token, { status: "active" })).body.pattern.status).toBe("active");
    const archive = await patch(world.memberA.token, { status: "archived" });
    expect(archive.status).toBe(403);
    expect(archive.body.error.message).toBe("only project admins can archive patterns");
    expect((await patch(world.viewerA.token, { name: "Renamed" })).status).toBe(403);
    expect((await patch(world.adminB.token, { name: "Renamed" })).status).toBe(404);
    expect((await patch(world.keyB, { name: "Renamed" })).status).toBe(404);
    expect((await patch(world.adminA.token, { status: "archived" })).body.pattern.status).toBe("archived");
    const restore = await patch(world.memberA.token, { status: "active" });
    expect(restore.body.error.message).toBe("only project admins can restore archived patterns");
  });

  it("DELETE archives for admins; a hard delete is an admin's, asked for explicitly", async () => {
    const pattern = await createTestPattern(world.memberA.token, { project: "alpha", name: "Doomed", code: "y = 2" });
    const remove = (bearer: string, hard?: boolean) =>
      callRoute(deletePattern, { method: "DELETE", bearer, params: { id: pattern.id }, url: `http://localhost/api/v1/patterns/${pattern.id}${hard ? "?hard=true" : ""}` });
    expect((await remove(world.memberA.token)).status).toBe(403);
    const hardByMember = await remove(world.memberA.token, true);
    expect(hardByMember.status).toBe(403);
    expect(hardByMember.body.error.message).toBe("only project admins can delete a pattern permanently; others can archive it");
    expect((await remove(world.adminB.token, true)).status).toBe(404);
    const archived = await remove(world.adminA.token);
    expect(archived.body).toMatchObject({ deleted: true, hard: false, pattern: { status: "archived" } });
    expect((await remove(world.adminA.token, true)).body).toEqual({ deleted: true, hard: true });
    expect((await callRoute(getPattern, { bearer: world.adminA.token, params: { id: pattern.id } })).status).toBe(404);
    const events = await asService(api.database, (transaction) =>
      transaction.query<{ event_type: string }>(`select event_type from public.pattern_events where event_data ->> 'pattern_id' = $1`, [pattern.id]),
    );
    expect(events.map((event) => event.event_type)).toEqual(["pattern.deleted"]);
  });
});
