import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/projects/[slug]/events/route";
import { GET as streamEvents } from "@/app/api/v1/projects/[slug]/events/stream/route";
import { DELETE as removeMember } from "@/app/api/v1/projects/[slug]/members/[userId]/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { GET as getConfig } from "@/app/api/v1/config/route";
import { asService, withUser } from "@/lib/db";
import { countEventSubscribers, createPatternEventStream, maxStreamsPerCaller } from "@/lib/realtime";
import { readSse, type SseReader } from "@/tests/support/sse-reader";
import { joinProject, signUpAccount, type TestAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
let owner: TestAccount;
let viewer: TestAccount;
let outsider: TestAccount;
let atlasId: string;
let boreasId: string;
const openStreams: { reader: SseReader; abort: AbortController }[] = [];

async function newProject(account: TestAccount, slug: string): Promise<string> {
  const answer = await callRoute(createProject, { method: "POST", cookie: account.cookie, body: { name: slug, slug } });
  return answer.body.project.id;
}

/** Inserts an event as `account` (RLS applies, as for any writer) and returns its id. */
async function addEvent(account: TestAccount, projectId: string, eventType: string, eventData: object = {}): Promise<number> {
  const claims = { role: "authenticated" as const, sub: account.id, email: account.email };
  const [row] = await withUser(api.database, claims, (transaction) =>
    transaction.query<{ id: number }>(
      `insert into public.pattern_events (project_id, event_type, event_data) values ($1, $2, $3::jsonb) returning id`,
      [projectId, eventType, JSON.stringify(eventData)],
    ),
  );
  return Number(row.id);
}

/** Opens the stream as a browser would (cookie, optional Last-Event-ID) and reads it. */
async function openStream(account: TestAccount | undefined, slug: string, resume: { after?: number; lastEventId?: number } = {}) {
  const abort = new AbortController();
  const headers = new Headers();
  if (account) headers.set("cookie", account.cookie);
  if (resume.lastEventId !== undefined) headers.set("last-event-id", String(resume.lastEventId));
  const query = resume.after === undefined ? "" : `?after=${resume.after}`;
  const request = new Request(`http://localhost:3000/api/v1/projects/${slug}/events/stream${query}`, { headers, signal: abort.signal });
  const response = await streamEvents(request, { params: Promise.resolve({ slug }) });
  if (response.status !== 200) return { response, reader: undefined, abort };
  const reader = readSse(response.body!);
  openStreams.push({ reader, abort });
  await reader.waitForComment("subscribed");
  return { response, reader, abort };
}

const ids = (reader: SseReader) => reader.messages.map((message) => Number(message.id));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  api = await useTestApi();
  owner = await signUpAccount("owner@example.com");
  viewer = await signUpAccount("viewer@example.com");
  outsider = await signUpAccount("outsider@example.com");
  atlasId = await newProject(owner, "atlas");
  boreasId = await newProject(owner, "boreas");
  await joinProject({ admin: owner, slug: "atlas", account: viewer, role: "viewer" });
});
afterEach(async () => {
  for (const stream of openStreams.splice(0)) {
    stream.abort.abort();
    await stream.reader.ended;
  }
});
afterAll(() => api.close());

describe("GET /api/v1/projects/[slug]/events/stream", () => {
  it("sends a member an event committed after subscribing, within a second, as the row itself", async () => {
    const { response, reader } = await openStream(owner, "atlas");
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(reader!.retry).toBe(2000);
    const written = performance.timeOrigin + performance.now();
    const id = await addEvent(owner, atlasId, "pattern.created", { name: "Retry With Backoff" });
    const [message] = await reader!.waitForMessages(1, 1_000);
    expect(message.receivedAt - written).toBeLessThan(1_000);
    expect(message.id).toBe(String(id));
    expect(message.event).toBeUndefined();
    expect(JSON.parse(message.data)).toMatchObject({
      id,
      project_id: atlasId,
      pattern_id: null,
      event_type: "pattern.created",
      event_data: { name: "Retry With Backoff" },
      actor: owner.id,
    });
  });

  it("replays exactly the events missed since Last-Event-ID, then continues live without duplicates", async () => {
    const seen = await addEvent(owner, atlasId, "pattern.used");
    const missed = [await addEvent(owner, atlasId, "pattern.used"), await addEvent(owner, atlasId, "pattern.rated")];
    const { reader } = await openStream(owner, "atlas", { lastEventId: seen, after: 1 });
    await reader!.waitForMessages(2);
    expect(ids(reader!)).toEqual(missed);
    const live = await addEvent(owner, atlasId, "pattern.updated");
    await reader!.waitForMessages(3);
    await sleep(100);
    expect(ids(reader!)).toEqual([...missed, live]);
  });

  it("resumes from ?after= when no Last-Event-ID is sent", async () => {
    const after = await addEvent(owner, atlasId, "pattern.used");
    const next = await addEvent(owner, atlasId, "pattern.used");
    const { reader } = await openStream(owner, "atlas", { after });
    await reader!.waitForMessages(1);
    await sleep(100);
    expect(ids(reader!)).toEqual([next]);
  });

  it("sends events to a viewer", async () => {
    const { reader } = await openStream(viewer, "atlas");
    const id = await addEvent(owner, atlasId, "pattern.confirmed");
    await reader!.waitForMessages(1, 1_000);
    expect(ids(reader!)).toEqual([id]);
  });

  it("never sends a subscriber of one project another project's events, even when the notification lies", async () => {
    const { reader } = await openStream(owner, "atlas");
    await addEvent(owner, boreasId, "pattern.created");
    const foreign = await addEvent(owner, boreasId, "pattern.created");
    await asService(api.database, (transaction) =>
      transaction.query(`select pg_notify('pattern_events', $1)`, [JSON.stringify({ id: foreign, project_id: atlasId, event_type: "x" })]),
    );
    const own = await addEvent(owner, atlasId, "pattern.created");
    await reader!.waitForMessages(1);
    await sleep(150);
    expect(ids(reader!)).toEqual([own]);
  });

  it("stops sending to a member the moment they are removed (every row is re-read under their RLS)", async () => {
    const colleague = await signUpAccount("colleague@example.com");
    await joinProject({ admin: owner, slug: "boreas", account: colleague, role: "member" });
    const { reader } = await openStream(colleague, "boreas");
    const before = await addEvent(owner, boreasId, "pattern.used");
    await reader!.waitForMessages(1);
    await callRoute(removeMember, { method: "DELETE", cookie: owner.cookie, params: { slug: "boreas", userId: colleague.id } });
    await addEvent(owner, boreasId, "pattern.used");
    await sleep(200);
    expect(ids(reader!)).toEqual([before]);
  });

  it("refuses a non-member with 404 and opens no stream", async () => {
    const { response } = await openStream(outsider, "atlas");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ error: { code: "not_found:resource", message: 'project "atlas" not found' } });
    expect(countEventSubscribers()).toBe(0);
  });

  it("caps the streams one caller holds open at once (429), and frees a slot when one ends", async () => {
    const held = [];
    for (let index = 0; index < maxStreamsPerCaller; index++) held.push(await openStream(owner, "atlas"));
    expect(held.every((stream) => stream.response.status === 200)).toBe(true);
    const refused = await openStream(owner, "atlas");
    expect(refused.response.status).toBe(429);
    expect((await refused.response.json()).error.code).toBe("too_many_requests:streams");
    expect((await openStream(viewer, "atlas")).response.status).toBe(200);
    held[0].abort.abort();
    await held[0].reader?.ended;
    expect((await openStream(owner, "atlas")).response.status).toBe(200);
  });

  it("refuses an anonymous caller with 401", async () => {
    const { response } = await openStream(undefined, "atlas");
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized:auth");
  });

  it("refuses a Last-Event-ID that is not an event id with 400", async () => {
    const request = new Request("http://localhost:3000/api/v1/projects/atlas/events/stream", {
      headers: { cookie: owner.cookie, "last-event-id": "abc" },
    });
    const response = await streamEvents(request, { params: Promise.resolve({ slug: "atlas" }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("Last-Event-ID: must be an event id");
  });

  it("shares one database listener among all streams and drops each subscription when its client aborts", async () => {
    const first = await openStream(owner, "atlas");
    const second = await openStream(viewer, "atlas");
    const third = await openStream(owner, "boreas");
    expect(countEventSubscribers()).toBe(3);
    first.abort.abort();
    await first.reader!.ended;
    expect(countEventSubscribers()).toBe(2);
    const id = await addEvent(owner, atlasId, "pattern.used");
    await second.reader!.waitForMessages(1);
    expect(ids(second.reader!)).toEqual([id]);
    expect(ids(third.reader!)).toEqual([]);
    second.abort.abort();
    third.abort.abort();
    await Promise.all([second.reader!.ended, third.reader!.ended]);
    expect(countEventSubscribers()).toBe(0);
  });

  it("ends the stream when the client aborts even after the Request object was garbage-collected", async () => {
    // undici's Request stops passing its caller's abort on once the Request object is collected
    // (nodejs/node#55428): the route must keep it alive for as long as the stream runs.
    v8.setFlagsFromString("--expose-gc");
    const collectGarbage = vm.runInNewContext("gc") as () => void;
    const { reader, abort } = await openStream(owner, "atlas");
    for (let round = 0; round < 3; round++) {
      collectGarbage();
      await sleep(10);
    }
    abort.abort();
    await Promise.race([reader!.ended, sleep(3_000).then(() => Promise.reject(new Error("the stream did not end after the abort")))]);
    expect(countEventSubscribers()).toBe(0);
  });
});

describe("createPatternEventStream", () => {
  it("sends heartbeats and ends when the caller's token expires", async () => {
    // exp counts whole seconds: + 2 leaves the stream at least one second, so a heartbeat (every
    // 50 ms) always comes before the token expires (+ 1 left as little as a few ms at a second's end).
    const claims = { role: "authenticated" as const, sub: owner.id, exp: Math.floor(Date.now() / 1000) + 2 };
    const reader = readSse(createPatternEventStream({ database: api.database, claims, projectId: atlasId, heartbeatMs: 50 }));
    await reader.waitForComment("heartbeat");
    await reader.ended;
    expect(reader.comments.filter((comment) => comment === "subscribed")).toHaveLength(1);
    expect(countEventSubscribers()).toBe(0);
  });

  it("drops the subscription quietly when the consumer cancels, even with events in flight", async () => {
    const claims = { role: "authenticated" as const, sub: owner.id };
    const reader = readSse(createPatternEventStream({ database: api.database, claims, projectId: atlasId, heartbeatMs: 5 }));
    await reader.waitForComment("subscribed");
    const writes = Promise.all([addEvent(owner, atlasId, "pattern.used"), addEvent(owner, atlasId, "pattern.used")]);
    await reader.close();
    await writes;
    await sleep(50);
    expect(countEventSubscribers()).toBe(0);
  });
});

describe("GET /api/v1/projects/[slug]/events", () => {
  it("lists the newest events oldest first, and pages with after", async () => {
    const project = await newProject(owner, "cetus");
    const written = [];
    for (const type of ["pattern.created", "pattern.used", "pattern.rated", "pattern.archived"]) written.push(await addEvent(owner, project, type));
    const latest = await callRoute(listEvents, { cookie: viewer.cookie, params: { slug: "cetus" } });
    expect(latest.status).toBe(404);
    const newest = await callRoute(listEvents, { url: "http://localhost/x?limit=2", cookie: owner.cookie, params: { slug: "cetus" } });
    expect(newest.status).toBe(200);
    expect(newest.body.project).toEqual({ id: project, slug: "cetus" });
    expect(newest.body.events.map((event: { id: number }) => event.id)).toEqual(written.slice(2));
    expect(newest.body.last_event_id).toBe(written[3]);
    const page = await callRoute(listEvents, { url: `http://localhost/x?after=${written[0]}&limit=2`, cookie: owner.cookie, params: { slug: project } });
    expect(page.body.events.map((event: { event_type: string }) => event.event_type)).toEqual(["pattern.used", "pattern.rated"]);
    expect(page.body).toMatchObject({ last_event_id: written[2], has_more: true });
    const empty = await callRoute(listEvents, { url: `http://localhost/x?after=${written[3]}`, cookie: owner.cookie, params: { slug: "cetus" } });
    expect(empty.body).toMatchObject({ events: [], last_event_id: written[3], has_more: false });
  });

  it("refuses a bad limit with 400 naming it", async () => {
    const answer = await callRoute(listEvents, { url: "http://localhost/x?limit=0", cookie: owner.cookie, params: { slug: "atlas" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^limit: /);
  });
});

describe("GET /api/v1/config", () => {
  it("tells an embedded-mode browser to use Server-Sent Events", async () => {
    const answer = await callRoute(getConfig);
    expect(answer.body).toEqual({ mode: "embedded", realtime: { transport: "sse" } });
  });
});
