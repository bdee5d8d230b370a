import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sign } from "@octokit/webhooks-methods";
import { createClient, FunctionsHttpError } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveMotif, type ServedMotif } from "@/tests/support/serve-motif";

// The edge functions as a client reaches them: `supabase.functions.invoke` against the URL of a
// real `motif serve` (embedded mode), which runs supabase/functions under real Deno.
const repository = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(repository, "tests/fixtures/repos");
const port = process.env.MOTIF_FUNCTIONS_TEST_PORT ? Number(process.env.MOTIF_FUNCTIONS_TEST_PORT) : undefined;
let motif: ServedMotif;
let alice: { token: string };
let bob: { token: string };
let carol: { token: string };
let apiKey: string;

async function call(pathname: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${motif.url}${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify(options.body ?? {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function signUp(email: string) {
  const answer = await call("/api/v1/auth/sign-up", { body: { email, password: "correct horse battery" } });
  if (answer.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(answer.body)}`);
  return { token: answer.body.access_token as string };
}

// Node 20 has no WebSocket, which supabase-js' realtime client asks for when it is made; these
// clients only invoke functions, so a transport that refuses to be used is all they need.
class NoRealtime {
  constructor() {
    throw new Error("this client invokes functions only");
  }
}

/** invoke() as supabase-js does it, answering `{status, body}` for success and refusal alike. */
async function invoke(name: string, token: string | undefined, body: unknown) {
  const client = createClient(motif.url, "motif-local-anon-key", {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoRealtime as never },
  });
  const { data, error } = await client.functions.invoke(name, { body: body as Record<string, unknown>, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (error instanceof FunctionsHttpError) return { status: (error.context as Response).status, body: await (error.context as Response).json() };
  if (error) throw error;
  return { status: 200, body: data };
}

function fixtureFiles(folder: string) {
  const root = path.join(fixtures, folder);
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(py|ts)$/.test(entry.name))
    .map((entry) => path.relative(fixtures, path.join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  motif = await serveMotif({ port });
  [alice, bob, carol] = await Promise.all(["alice", "bob", "carol"].map((name) => signUp(`${name}@example.com`)));
  await call("/api/v1/projects", { token: alice.token, body: { name: "Shop", slug: "shop" } });
  const invited = await call("/api/v1/projects/shop/invitations", { token: alice.token, body: { email: "carol@example.com", role: "viewer" } });
  const accepted = await call(`/api/v1/invitations/${invited.body.invitation.id}/accept`, { token: carol.token });
  if (accepted.status !== 200) throw new Error(`carol could not join: ${JSON.stringify(accepted.body)}`);
  apiKey = (await call("/api/v1/projects/shop/api-keys", { token: alice.token, body: { name: "agent", role: "member" } })).body.key;
}, 900_000);
afterAll(() => motif?.stop());

describe("the edge functions under motif serve", () => {
  const files = fixtureFiles("python-service").map((file) => ({ path: file, content: fs.readFileSync(path.join(fixtures, file), "utf8") }));

  it("ingests as a member (user token, then the project's API key) and refuses a viewer and a non-member", async () => {
    const ingested = await invoke("ingest", alice.token, { project: "shop", files });
    expect(ingested.status, JSON.stringify(ingested.body)).toBe(200);
    expect(ingested.body.patterns_created).toBeGreaterThan(0);
    expect(ingested.body.files).toBe(files.length);
    const withKey = await invoke("ingest", apiKey, { files });
    expect(withKey.status, JSON.stringify(withKey.body)).toBe(200);
    expect(withKey.body.patterns_created).toBe(0);
    expect(withKey.body.patterns_unchanged).toBe(ingested.body.patterns);
    const viewer = await invoke("ingest", carol.token, { project: "shop", files });
    expect(viewer.status).toBe(403);
    const outsider = await invoke("ingest", bob.token, { project: "shop", files });
    expect(outsider.status).toBe(404);
  });

  it("matches with a user token as the Next.js route does, and with an API key", async () => {
    const body = { project: "shop", intent: "retry a flaky call with exponential backoff", limit: 3 };
    const fromFunction = await invoke("match", alice.token, body);
    expect(fromFunction.status, JSON.stringify(fromFunction.body)).toBe(200);
    expect(fromFunction.body.matched_patterns[0].kind).toBe("retry_backoff");
    const fromRoute = await call("/api/v1/patterns/match", { token: alice.token, body });
    const summary = (answer: { matched_patterns: Array<{ pattern_id: string; confidence_score: number }> }) =>
      answer.matched_patterns.map((pattern) => [pattern.pattern_id, pattern.confidence_score]);
    expect(summary(fromFunction.body)).toEqual(summary(fromRoute.body));
    const withKey = await invoke("match", apiKey, { intent: body.intent, limit: 3 });
    expect(withKey.status).toBe(200);
    expect(summary(withKey.body)).toEqual(summary(fromRoute.body));
  });

  it("refuses a non-member, an anonymous caller and a bad body, naming what was wrong", async () => {
    const outsider = await invoke("match", bob.token, { project: "shop", intent: "retry" });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toContain("not found");
    const anonymous = await invoke("match", undefined, { project: "shop", intent: "retry" });
    expect(anonymous.status).toBe(401);
    const badMatch = await invoke("match", alice.token, { project: "shop", limit: 0 });
    expect(badMatch.status).toBe(400);
    expect(badMatch.body.error.message).toMatch(/^intent: /);
    const badExtract = await invoke("extract", alice.token, { files: [{ path: "../a.py", content: "x = 1" }] });
    expect(badExtract.status).toBe(400);
    expect(badExtract.body.error.message).toContain("files.0.path: must not contain '..'");
  });

  it("answers 413 naming the limit above 1 MB", async () => {
    const big = { files: [{ path: "big.py", content: "x = 1\n".repeat(200_000) }] };
    const answer = await invoke("extract", alice.token, big);
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toContain("limit of 1 MB");
    expect(answer.body.error.message).toContain("motif ingest");
  });

  it("extracts the bytes `motif extract --json --jobs 1` prints for the same files", async () => {
    const paths = [...fixtureFiles("python-service"), ...fixtureFiles("ts-service")];
    const body = { files: paths.map((file) => ({ path: file, content_base64: fs.readFileSync(path.join(fixtures, file)).toString("base64") })) };
    const response = await fetch(`${motif.url}/functions/v1/extract`, {
      method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const fromDeno = await response.text();
    const { stdout: fromNode } = await promisify(execFile)(process.execPath, [path.join(repository, "bin/motif"), "extract", "--json", "--jobs", "1", ...paths], { cwd: fixtures, maxBuffer: 1 << 28 });
    const timeless = (text: string) => text.replace(/"durationMs":\d+/, '"durationMs":0');
    expect(JSON.parse(fromDeno).units.length).toBeGreaterThan(20);
    expect(timeless(fromDeno)).toBe(timeless(fromNode));
    for (const credential of [alice.token, apiKey]) {
      const invoked = await invoke("extract", credential, body);
      expect(invoked.body.patterns).toEqual(JSON.parse(fromNode).patterns);
    }
  });

  it("serves GitHub's deliveries at github-webhook with the route's handler: ping answered, redelivery a no-op, bad signatures refused", async () => {
    const secret = "the-shop-webhook-secret";
    const connected = await call("/api/v1/projects/shop/github", { token: alice.token, body: { repository: "acme/shop", webhook_secret: secret, token: "ghp_local_test_token" } });
    expect(connected.status, JSON.stringify(connected.body)).toBe(201);
    const payload = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 7, repository: { full_name: "acme/shop", default_branch: "main" } });
    const deliver = async (event: string, delivery: string, signature?: string) => {
      const response = await fetch(`${motif.url}/functions/v1/github-webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": delivery, ...(signature ? { "x-hub-signature-256": signature } : {}) },
        body: payload,
      });
      return { status: response.status, body: await response.json() };
    };
    const signature = await sign(secret, payload);
    const ping = await deliver("ping", "delivery-1", signature);
    expect(ping, JSON.stringify(ping.body) + motif.log.slice(-15).join("\n")).toMatchObject({ status: 200, body: { status: "answered", pong: true } });
    expect((await deliver("ping", "delivery-1", signature)).body.status).toBe("duplicate");
    expect((await deliver("star", "delivery-2", signature)).body.status).toBe("ignored");
    expect((await deliver("ping", "delivery-3")).status).toBe(401);
    expect((await deliver("ping", "delivery-4", await sign("another-secret", payload))).status).toBe(401);
    const listed = await fetch(`${motif.url}/api/v1/projects/shop/github`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect((await listed.json()).connections[0].ignored).toMatchObject({ star: 1 });
  });
});
