import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { POST as createKey } from "@/app/api/v1/projects/[slug]/api-keys/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { POST as recordUsage } from "@/app/api/v1/patterns/[id]/usage/route";
import { POST as createPatternRoute } from "@/app/api/v1/patterns/route";
import { signUpAccount, type TestAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";
import { exampleBodies, withNulBytes } from "./fuzz/example-bodies";
import { forgedCursor, malformedValue, toJsonText } from "./fuzz/malformed-values";

// Generated malformed requests against every operation of the OpenAPI document, through the
// real route handlers and database: whatever arrives, the answer is never a 5xx. The seed is
// fixed so that a failure can be replayed; FUZZ_SEED and FUZZ_RUNS change it.

const runs = Number(process.env.FUZZ_RUNS ?? 1200);
const seed = Number(process.env.FUZZ_SEED ?? 20261206);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  /** Statuses the document lists for the operation. */
  documented: string[];
  handler: Handler;
}

interface Caller {
  cookie?: () => string;
  bearer?: () => string;
}

interface FuzzRequest {
  operation: Operation;
  caller: Caller;
  params: Record<string, string>;
  query: string;
  body: string | undefined;
  contentType: string;
}

interface FuzzWorld {
  admin: TestAccount;
  member: TestAccount;
  memberKey: string;
  /** Real values for path parameters, so that requests reach real rows. */
  ids: Record<string, string>;
}

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: FuzzWorld;
let operations: Operation[];

async function loadOperations(): Promise<Operation[]> {
  const document = (await callRoute(openapi)).body as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown>; parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
  };
  const found: Operation[] = [];
  for (const [route, methods] of Object.entries(document.paths)) {
    const file = path.resolve("app", route.slice(1).replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
    const module = (await import(file)) as Record<string, Handler>;
    for (const [method, operation] of Object.entries(methods)) {
      const handler = module[method.toUpperCase()];
      if (!handler) throw new Error(`${method} ${route} is documented but ${file} does not export it`);
      found.push({
        method: method.toUpperCase(),
        path: route,
        pathParams: (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name),
        queryParams: (operation.parameters ?? []).filter((parameter) => parameter.in === "query").map((parameter) => parameter.name),
        bodyFields: Object.keys(operation.requestBody?.content["application/json"]?.schema.properties ?? {}),
        documented: Object.keys(operation.responses ?? {}),
        handler,
      });
    }
  }
  return found;
}

/** Who calls: credentials that work, that are forged, or none. Sign-out is never sent real ones. */
function callerFor(operation: Operation): fc.Arbitrary<Caller> {
  const real: Caller[] = [
    { cookie: () => world.admin.cookie },
    { bearer: () => world.admin.token },
    { bearer: () => world.memberKey },
    { cookie: () => world.member.cookie },
  ];
  const forged: Caller[] = [
    {},
    { bearer: () => "motif_" + "A".repeat(43) },
    { bearer: () => "motif_short" },
    { bearer: () => "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." },
    { cookie: () => "motif-session=%00%ff" },
  ];
  return fc.constantFrom(...(operation.path.endsWith("/sign-out") ? forged : [...real, ...real, ...forged]));
}

function pathValue(name: string, operation: Operation): fc.Arbitrary<string> {
  // The world's project is never deleted, so later requests keep reaching real rows.
  const deletesProject = operation.method === "DELETE" && operation.path === "/api/v1/projects/{slug}";
  const real = world.ids[name] && !deletesProject ? [world.ids[name]] : [];
  return fc.oneof(
    fc.constantFrom(...real, "00000000-0000-4000-8000-000000000000", "no-such-project"),
    malformedValue.map((value) => (typeof value === "string" ? value : toJsonText(value)).slice(0, 2_000)),
  );
}

function queryString(operation: Operation): fc.Arbitrary<string> {
  const names = [...operation.queryParams, "cursor", "limit", "project", "\u0000"];
  const value = fc.oneof(forgedCursor, malformedValue.map((entry) => (typeof entry === "string" ? entry : toJsonText(entry))));
  return fc
    .array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 4 })
    .map((pairs) => new URLSearchParams(pairs.map(([key, entry]) => [key, entry.slice(0, 20_000)])).toString());
}

/** A valid example with one or two fields made hostile, or with NUL bytes in every string. */
function mutatedExample(operation: Operation): fc.Arbitrary<string> | undefined {
  const example = exampleBodies[`${operation.method} ${operation.path}`];
  if (!example) return undefined;
  const keys = [...new Set([...Object.keys(example), ...operation.bodyFields])];
  const oneField = fc
    .array(fc.tuple(fc.constantFrom(...keys), malformedValue), { minLength: 1, maxLength: 2 })
    .map((changes) => toJsonText({ ...example, ...Object.fromEntries(changes) }));
  const nulBytes = fc.constantFrom(...keys).map((key) => toJsonText({ ...example, [key]: withNulBytes(example[key] ?? "x") }));
  return fc.oneof({ weight: 3, arbitrary: oneField }, { weight: 2, arbitrary: nulBytes });
}

function body(operation: Operation): fc.Arbitrary<string | undefined> {
  const fields = [...operation.bodyFields, "project", "filters", "__proto__", "constructor"];
  const objectBody = fc.dictionary(fc.constantFrom(...fields), malformedValue, { maxKeys: 6 }).map(toJsonText);
  const mutated = mutatedExample(operation);
  return fc.oneof(
    { weight: mutated ? 2 : 6, arbitrary: objectBody },
    ...(mutated ? [{ weight: 6, arbitrary: mutated }] : []),
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom("{", '{"a":', "[".repeat(10_000), '{"email":"\u0000"}', "\u0000", "null", '"text"') },
  );
}

const requestArbitrary = (): fc.Arbitrary<FuzzRequest> =>
  fc.constantFrom(...operations).chain((operation) =>
    fc.record({
      operation: fc.constant(operation),
      caller: callerFor(operation),
      params: fc.record(Object.fromEntries(operation.pathParams.map((name) => [name, pathValue(name, operation)]))),
      query: queryString(operation),
      body: operation.method === "GET" ? fc.constant(undefined) : body(operation),
      contentType: fc.constantFrom("application/json", "application/json", "application/json", "text/plain", ""),
    }),
  );

async function send(sample: FuzzRequest) {
  const { operation, caller, params, query, body: text, contentType } = sample;
  const url = `http://localhost:3000${operation.path}${query ? `?${query}` : ""}`;
  const headers = new Headers();
  if (contentType && text !== undefined) headers.set("content-type", contentType);
  if (caller.bearer) headers.set("authorization", `Bearer ${caller.bearer()}`);
  if (caller.cookie) headers.set("cookie", caller.cookie());
  const abort = new AbortController();
  let status: number;
  try {
    const request = new Request(url, { method: operation.method, headers, body: text, signal: abort.signal });
    const response = await operation.handler(request, { params: Promise.resolve(params) });
    status = response.status;
    await response.body?.cancel();
  } finally {
    abort.abort();
  }
  return { status, documented: operation.documented.includes(String(status)), label: `${operation.method} ${operation.path}`, detail: { params, query: query.slice(0, 300), body: text?.slice(0, 300), contentType } };
}

beforeAll(async () => {
  api = await useTestApi();
  const admin = await signUpAccount("fuzz-admin@example.com");
  const member = await signUpAccount("fuzz-member@example.com");
  await callRoute(createProject, { method: "POST", cookie: admin.cookie, body: { name: "Fuzz", slug: "fuzz" } });
  const key = await callRoute(createKey, { method: "POST", cookie: admin.cookie, params: { slug: "fuzz" }, body: { name: "fuzz", role: "member" } });
  const pattern = await callRoute(createPatternRoute, { method: "POST", bearer: key.body.key, body: exampleBodies["POST /api/v1/patterns"] });
  const usage = await callRoute(recordUsage, { method: "POST", bearer: key.body.key, params: { id: pattern.body.pattern.id }, body: { outcome: "pending" } });
  world = {
    admin,
    member,
    memberKey: key.body.key,
    ids: { slug: "fuzz", id: pattern.body.pattern.id, usageId: usage.body.usage.id, userId: member.id },
  };
  operations = await loadOperations();
});
afterAll(() => api.close());

describe("the API under generated malformed requests", () => {
  it(`answers ${runs} malformed requests across every documented operation without a single 5xx`, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
    const samples = fc.sample(requestArbitrary(), { numRuns: runs, seed });
    const served = new Set<string>();
    const failures: unknown[] = [];
    const statuses = new Map<number, number>();
    for (const sample of samples) {
      const answer = await send(sample);
      served.add(answer.label);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500) failures.push(answer);
    }
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/fuzz-statuses.json", JSON.stringify({ seed, runs, statuses: Object.fromEntries(statuses), failures }, null, 2));
    expect(failures).toEqual([]);
    expect(served.size).toBe(operations.length);
    expect(samples.length).toBeGreaterThanOrEqual(1000);
  }, 600_000);
});
