import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/v1/github/webhook/route";
import { GET as listGitHub, POST as connectGitHub } from "@/app/api/v1/projects/[slug]/github/route";
import { asService, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { gitHubJobHandlers } from "@/lib/github";
import { drainJobs } from "@/lib/jobs";
import { commitSteps, git, makeGitHistory } from "@/tests/support/git-history";
import { startGitHubApiServer } from "@/tests/support/github-api-server";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";
import { callRoute, useTestApi } from "./api-harness";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-github-"));
const checkout = path.join(workspace, "shop");
const secret = "webhook secret of alpha";
const token = "ghp_test_token_alpha";
const embedder = createBuiltinProvider();
const zeros = "0".repeat(40);

let api: Awaited<ReturnType<typeof useTestApi>>;
let server: Awaited<ReturnType<typeof startGitHubApiServer>>;
let world: PatternWorld;
let commits: Record<"initial" | "inventory" | "refunds" | "refundsFixed" | "forced", string>;
let deliveries = 0;
const pulls = new Map<number, { base: string; head: string }>();

// A refund call that retries the way the inventory client does: the near-duplicate the comment names.
const refunds = `import logging
import time

import requests

log = logging.getLogger(__name__)
REFUNDS_URL = "https://payments.internal/api/refunds"


def refund_payment(payment_id, retries=4, first_pause=0.3):
    pause = first_pause
    for round_number in range(retries):
        try:
            result = requests.post(f"{REFUNDS_URL}/{payment_id}", timeout=4)
            result.raise_for_status()
            return result.json()
        except requests.RequestException as problem:
            if round_number == retries - 1:
                raise
            log.warning("refund failed (%s), retrying", problem)
            time.sleep(pause)
            pause = pause * 2
`;

const handler = (index: number) => `def handle_event_${index}(event, registry):
    """Route event kind ${index} to its registered handlers."""
    handlers = registry.get(event["kind"], [])
    for handle in handlers:
        if handle(event) is False:
            return False
    return len(handlers) > 0
`;

function buildHistory() {
  const inventory = fs.readFileSync(path.join(fixtures, "repos/python-service/shop/clients/inventory.py"), "utf8");
  const [initial, inventoryCommit] = makeGitHistory(checkout, path.join(fixtures, "repos/python-service"), [
    { message: "inventory: shorter first wait", write: { "shop/clients/inventory.py": inventory.replace("base_delay=0.2", "base_delay=0.1") } },
  ]);
  git(checkout, "checkout", "-q", "-b", "refunds");
  const handlers = Object.fromEntries(Array.from({ length: 299 }, (_, index) => [`shop/handlers/handler_${String(index).padStart(3, "0")}.py`, handler(index)]));
  const [refundsCommit, refundsFixed] = commitSteps(checkout, [
    { message: "refunds with retries, event handlers", write: { "shop/clients/refunds.py": refunds, ...handlers } },
    { message: "refunds: amounts in cents", write: { "shop/clients/refunds.py": `${refunds}

def refund_amount_in_cents(amount):
    """Refunds are sent in cents; amounts arrive in currency units."""
    if amount < 0:
        raise ValueError("a refund amount cannot be negative")
    return int(round(amount * 100))
` } },
  ]);
  // A rewritten main: the inventory change dropped, the shipping client deleted.
  git(checkout, "checkout", "-q", "-b", "rewritten", initial);
  const [forced] = commitSteps(checkout, [{ message: "drop shipping", remove: ["shop/clients/shipping.py"] }]);
  return { initial, inventory: inventoryCommit, refunds: refundsCommit, refundsFixed, forced };
}

function payload(name: string, values: Record<string, string | number | boolean>): string {
  let text = fs.readFileSync(path.join(fixtures, "github", `${name}.json`), "utf8");
  for (const [key, value] of Object.entries(values)) {
    text = text.replaceAll(`"{{${key}}}"`, JSON.stringify(value)).replaceAll(`{{${key}}}`, String(value));
  }
  return text;
}

async function deliver(event: string, body: string, options: { signWith?: string | null; delivery?: string } = {}) {
  const delivery = options.delivery ?? `72d3162e-cc78-11e3-81ab-${String(++deliveries).padStart(12, "0")}`;
  const headers = new Headers({ "content-type": "application/json", "x-github-event": event, "x-github-delivery": delivery, "user-agent": "GitHub-Hookshot/5a3b2c1" });
  if (options.signWith !== null) headers.set("x-hub-signature-256", await sign(options.signWith ?? secret, body));
  const started = performance.now();
  const response = await webhook(new Request("http://localhost:3000/api/v1/github/webhook", { method: "POST", headers, body }));
  return { status: response.status, body: await response.json(), ms: performance.now() - started, delivery };
}

async function recorded() {
  return asService(api.database as Database, async (transaction) => ({
    deliveries: (await transaction.query<{ n: number }>("select count(*)::int as n from public.github_deliveries"))[0].n,
    jobs: (await transaction.query<{ n: number }>("select count(*)::int as n from public.jobs where job_type like 'github.%'"))[0].n,
  }));
}

const runJobs = () => drainJobs({ database: api.database, embedder, handlers: gitHubJobHandlers });
const requests = (pattern: RegExp) => server.log.filter((entry) => pattern.test(entry.path));

beforeAll(async () => {
  commits = buildHistory();
  pulls.set(7, { base: commits.inventory, head: commits.refunds });
  server = await startGitHubApiServer({
    gitDir: checkout, repository: "acme/shop", token,
    pulls,
  });
  process.env.GITHUB_API_URL = server.url;
  process.env.MOTIF_PUBLIC_URL = "https://motif.example.com";
  api = await useTestApi();
  world = await buildPatternWorld();
});

afterAll(async () => {
  await api?.close();
  await server?.close();
  delete process.env.GITHUB_API_URL;
  delete process.env.MOTIF_PUBLIC_URL;
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe("the GitHub loop", { timeout: 300_000 }, () => {
  it("lets an admin connect a repository (secrets stored encrypted) and refuses a member", async () => {
    const refused = await callRoute(connectGitHub, { method: "POST", cookie: world.memberA.cookie, params: { slug: "alpha" }, body: { repository: "acme/shop", webhook_secret: secret, token } });
    expect(refused.status).toBe(403);
    const bad = await callRoute(connectGitHub, { method: "POST", cookie: world.adminA.cookie, params: { slug: "alpha" }, body: { repository: "shop", webhook_secret: secret, token } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("OWNER/NAME");
    const connected = await callRoute(connectGitHub, { method: "POST", cookie: world.adminA.cookie, params: { slug: "alpha" }, body: { repository: "acme/shop", webhook_secret: secret, token } });
    expect(connected.status).toBe(201);
    expect(connected.body.connection).toMatchObject({ repository: "acme/shop", created: true, webhook_path: "/api/v1/github/webhook" });
    const [stored] = await asService(api.database, (transaction) => transaction.query<{ webhook_secret_encrypted: string; token_encrypted: string }>(
      "select webhook_secret_encrypted, token_encrypted from public.github_connections"));
    expect(stored.webhook_secret_encrypted).toMatch(/^v1:/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("answers a ping, refuses unsigned and badly signed deliveries with 401 and records nothing", async () => {
    const ping = await deliver("ping", payload("ping", {}));
    expect(ping).toMatchObject({ status: 200, body: { event: "ping", status: "answered", pong: true } });
    const before = await recorded();
    const body = payload("push", { BEFORE: zeros, AFTER: commits.initial, FORCED: false, MESSAGE: "initial import" });
    expect((await deliver("push", body, { signWith: "not the secret" })).status).toBe(401);
    expect((await deliver("push", body, { signWith: null })).status).toBe(401);
    // The body changed after signing: the signature no longer fits.
    const tampered = await webhook(new Request("http://localhost/api/v1/github/webhook", {
      method: "POST", body: body.replace("initial import", "initial import!"),
      headers: { "x-github-event": "push", "x-github-delivery": "tampered", "x-hub-signature-256": await sign(secret, body) },
    }));
    expect(tampered.status).toBe(401);
    expect(await recorded()).toEqual(before);
    // A push to another branch, validly signed: recorded and ignored, no job.
    const branch = await deliver("push", body.replace("refs/heads/main", "refs/heads/experiment"));
    expect(branch).toMatchObject({ status: 200, body: { status: "ignored" } });
    expect(await recorded()).toEqual({ deliveries: before.deliveries + 1, jobs: before.jobs });
  });

  it("ingests the first push from the tree, answering 202 within a second with the work queued", async () => {
    const answer = await deliver("push", payload("push", { BEFORE: zeros, AFTER: commits.initial, FORCED: false, MESSAGE: "initial import" }));
    expect(answer.status).toBe(202);
    expect(answer.ms).toBeLessThan(1000);
    expect(answer.body.status).toBe("queued");
    const [outcome] = await runJobs();
    expect(outcome).toMatchObject({ status: "succeeded", result: { listing: "tree", commit: commits.initial } });
    const result = outcome.result as { files: { extracted: number }; ingest: { patterns: { created: number } } };
    expect(result.files.extracted).toBeGreaterThan(5);
    expect(result.ingest.patterns.created).toBeGreaterThan(5);
  });

  it("re-extracts only the one file a push changes (compare, then one contents request)", async () => {
    const contentsBefore = requests(/\/contents\//).length;
    const answer = await deliver("push", payload("push", { BEFORE: commits.initial, AFTER: commits.inventory, FORCED: false, MESSAGE: "inventory" }));
    expect(answer.status).toBe(202);
    const [outcome] = await runJobs();
    expect(outcome.result).toMatchObject({ listing: "compare", files: { extracted: 1, removed: 0 } });
    expect(requests(/\/contents\//).slice(contentsBefore).map((entry) => decodeURIComponent(entry.path))).toEqual([`/repos/acme/shop/contents/shop/clients/inventory.py?ref=${commits.inventory}`]);
    expect(requests(/\/compare\//).length).toBe(1);

    const again = await deliver("push", payload("push", { BEFORE: commits.initial, AFTER: commits.inventory, FORCED: false, MESSAGE: "inventory" }), { delivery: answer.delivery });
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect(await runJobs()).toEqual([]);
  });

  it("comments once on a pull request of 300 files, naming the near-duplicate with its file and line, and updates that comment on the next push", async () => {
    const opened = await deliver("pull_request", payload("pull_request", { ACTION: "opened", NUMBER: 7, HEAD: commits.refunds, BASE: commits.inventory }));
    expect(opened.status).toBe(202);
    const [outcome] = await runJobs();
    expect(outcome.status).toBe("succeeded");
    expect(outcome.result).toMatchObject({ pull_request: 7, files: 300, comment: { action: "created" } });
    expect(requests(/\/pulls\/7\/files/).map((entry) => new URL(entry.path, "http://x").searchParams.get("page") ?? "1")).toEqual(["1", "2", "3"]);
    expect(server.comments).toHaveLength(1);
    const [comment] = server.comments;
    expect(comment.issue).toBe(7);
    expect(comment.body.startsWith("<!-- motif:pull-request-insight -->\n")).toBe(true);
    expect(comment.body).toMatch(/`refund_payment` \(`shop\/clients\/refunds\.py:10`\) looks like `(fetch_stock|charge_card|book_shipment)` in `shop\/clients\/(inventory|payments|shipping)\.py:10` — reuse it \(pattern: \[[^\]]+\]\(https:\/\/motif\.example\.com\/projects\/alpha\/patterns\/[0-9a-f-]{36}\)\)/);
    expect(comment.body).toContain("`retry_backoff`");
    expect(comment.body).toContain("**New patterns**");
    expect(comment.body).toContain("300 source files changed");

    const redelivered = await deliver("pull_request", payload("pull_request", { ACTION: "opened", NUMBER: 7, HEAD: commits.refunds, BASE: commits.inventory }), { delivery: opened.delivery });
    expect(redelivered.body.status).toBe("duplicate");
    expect(await runJobs()).toEqual([]);
    expect(server.comments).toHaveLength(1);

    pulls.set(7, { base: commits.inventory, head: commits.refundsFixed });
    const synchronized = await deliver("pull_request", payload("pull_request", { ACTION: "synchronize", NUMBER: 7, HEAD: commits.refundsFixed, BASE: commits.inventory }));
    const [update] = await runJobs();
    expect(synchronized.status).toBe(202);
    expect(update.result).toMatchObject({ comment: { action: "updated", id: comment.id } });
    expect(server.comments).toHaveLength(1);
  });

  it("recommends matching patterns on a new issue, after waiting out a 403 rate limit", async () => {
    server.rateLimitNext(1);
    const opened = await deliver("issues", payload("issues", { NUMBER: 12 }));
    expect(opened.status).toBe(202);
    const [outcome] = await runJobs();
    expect(outcome.status).toBe("succeeded");
    expect(server.log.filter((entry) => entry.status === 403)).toHaveLength(1);
    const comment = server.comments.find((candidate) => candidate.issue === 12)!;
    expect(comment.body.startsWith("<!-- motif:issue-recommendations -->\n")).toBe(true);
    expect(comment.body).toMatch(/`retry_backoff`\) in `shop\/clients\/\w+\.py:10`/);
  });

  it("follows a force-push by reading the whole tree: a deleted file's occurrences are gone", async () => {
    const forced = await deliver("push", payload("push", { BEFORE: commits.inventory, AFTER: commits.forced, FORCED: true, MESSAGE: "drop shipping" }));
    expect(forced.status).toBe(202);
    const [outcome] = await runJobs();
    expect(outcome.result).toMatchObject({ listing: "tree", files: { removed: 1, extracted: 1 } });
    const live = await asService(api.database, (transaction) => transaction.query<{ file_path: string }>(
      "select distinct file_path from public.pattern_occurrences where removed_at is null and repository = 'acme/shop'"));
    expect(live.map((row) => row.file_path)).not.toContain("shop/clients/shipping.py");
    expect(live.map((row) => row.file_path)).toContain("shop/clients/inventory.py");
  });

  it("ignores other events and counts them", async () => {
    const star = await deliver("star", JSON.stringify({ action: "created", starred_at: "2026-12-06T09:10:00Z", repository: { full_name: "acme/shop" }, sender: { login: "octocat" } }));
    expect(star).toMatchObject({ status: 200, body: { status: "ignored" } });
    const listed = await callRoute(listGitHub, { cookie: world.adminA.cookie, params: { slug: "alpha" } });
    expect(listed.body.connections[0].ignored).toMatchObject({ star: 1 });
  });
});
