import { verify } from "@octokit/webhooks-methods";
import { asService, enqueueJob, insertGitHubDelivery, listGitHubConnectionsByRepository, setGitHubDeliveryJob, type Database, type GitHubConnectionRow, getDatabase } from "@/lib/db";
import {
  gitHubDeliverySchema,
  gitHubIssuePayloadSchema,
  gitHubPullRequestPayloadSchema,
  gitHubPushPayloadSchema,
  type GitHubEventJobPayload,
} from "@/lib/domain";
import { MotifError } from "@/lib/errors";
import { asMotifError, errorResponse, jsonResponse } from "@/lib/http";
import { openSecret } from "./secret-box";

/** GitHub caps a delivery at 25 MB. */
const maxPayloadBytes = 25 * 1024 * 1024;
const pullRequestActions = new Set(["opened", "synchronize", "reopened"]);

/** What the webhook does with a verified delivery: queue work, answer it, or ignore it (counted). */
type Disposition = { status: "queued"; jobType: string; payload: unknown } | { status: "answered" } | { status: "ignored" };

/** Decides, from the event and its payload alone, what a delivery asks for. */
export function dispositionOf(event: string, payload: unknown): Disposition {
  if (event === "ping") return { status: "answered" };
  if (event === "push") {
    const push = gitHubPushPayloadSchema.safeParse(payload);
    if (!push.success || push.data.deleted || push.data.ref !== `refs/heads/${push.data.repository.default_branch}`) return { status: "ignored" };
    return { status: "queued", jobType: "github.push", payload: push.data };
  }
  if (event === "pull_request") {
    const pull = gitHubPullRequestPayloadSchema.safeParse(payload);
    if (!pull.success || !pullRequestActions.has(pull.data.action)) return { status: "ignored" };
    return { status: "queued", jobType: "github.pull_request", payload: pull.data };
  }
  if (event === "issues") {
    const issue = gitHubIssuePayloadSchema.safeParse(payload);
    if (!issue.success || issue.data.action !== "opened" || issue.data.issue.pull_request) return { status: "ignored" };
    return { status: "queued", jobType: "github.issues", payload: issue.data };
  }
  return { status: "ignored" };
}

function header(request: Request, name: string): string {
  const value = request.headers.get(name);
  if (!value) throw new MotifError("bad_request:input", `the ${name} header is missing`);
  return value;
}

async function readPayload(request: Request): Promise<{ text: string; json: unknown }> {
  if (Number(request.headers.get("content-length") ?? 0) > maxPayloadBytes) throw new MotifError("too_large:input", "webhook payload exceeds 25 MB");
  const text = await request.text();
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new MotifError("bad_request:input", "the webhook payload is not JSON (set the webhook's content type to application/json)");
  }
}

// Every connection to the repository whose secret made the signature (constant-time compare).
async function verifiedConnections(connections: GitHubConnectionRow[], text: string, signature: string) {
  const verified: GitHubConnectionRow[] = [];
  for (const connection of connections) {
    if (await verify(openSecret(connection.webhook_secret_encrypted), text, signature)) verified.push(connection);
  }
  return verified;
}

async function record(database: Database, connection: GitHubConnectionRow, delivery: { id: string; event: string; action: string | null; disposition: Disposition }) {
  return asService(database, async (transaction) => {
    const { disposition } = delivery;
    const fresh = await insertGitHubDelivery({
      transaction, connectionId: connection.id, projectId: connection.project_id, deliveryId: delivery.id,
      event: delivery.event, action: delivery.action, status: disposition.status,
    });
    if (!fresh || disposition.status !== "queued") return { fresh, jobId: null };
    const payload: GitHubEventJobPayload = { connection_id: connection.id, delivery_id: delivery.id, event: delivery.event as GitHubEventJobPayload["event"], payload: disposition.payload };
    const { job } = await enqueueJob({ transaction, projectId: connection.project_id, jobType: disposition.jobType, payload: { ...payload } });
    await setGitHubDeliveryJob({ transaction, connectionId: connection.id, deliveryId: delivery.id, jobId: job.id });
    return { fresh, jobId: job.id };
  });
}

async function handleDelivery(database: Database, request: Request): Promise<Response> {
  if (request.method !== "POST") throw new MotifError("bad_request:input", "the GitHub webhook takes POST only");
  const signature = request.headers.get("x-hub-signature-256");
  if (!signature) throw new MotifError("unauthorized:auth", "the delivery is not signed: set a secret on the GitHub webhook");
  const event = header(request, "x-github-event");
  const deliveryId = header(request, "x-github-delivery");
  const { text, json } = await readPayload(request);
  const shape = gitHubDeliverySchema.safeParse(json);
  if (!shape.success) throw new MotifError("bad_request:input", "the payload names no repository (use a repository webhook)");
  const repository = shape.data.repository.full_name;
  const connections = await asService(database, (transaction) => listGitHubConnectionsByRepository({ transaction, repository }));
  const verified = await verifiedConnections(connections, text, signature);
  if (verified.length === 0) throw new MotifError("unauthorized:auth", `the signature does not match the secret of any project connected to ${repository}`);
  const disposition = dispositionOf(event, json);
  const outcomes = [];
  for (const connection of verified) {
    const outcome = await record(database, connection, { id: deliveryId, event, action: shape.data.action ?? null, disposition });
    outcomes.push({ project_id: connection.project_id, job_id: outcome.jobId, duplicate: !outcome.fresh });
  }
  const duplicate = outcomes.every((outcome) => outcome.duplicate);
  const status = duplicate ? "duplicate" : disposition.status;
  const body = { delivery: deliveryId, event, status, projects: outcomes, ...(event === "ping" ? { pong: true } : {}) };
  return jsonResponse(body, { status: status === "queued" ? 202 : 200 });
}

/**
 * The handler of `POST /api/v1/github/webhook`, one URL for every project: verifies
 * X-Hub-Signature-256 against the secret of each project connected to the payload's
 * repository (unsigned or matching none: 401, nothing recorded), records the delivery once
 * per X-GitHub-Delivery (a redelivery is a no-op), and answers at once: 202 with the work
 * queued as a job (push to the default branch, pull request opened/synchronize/reopened,
 * issue opened), 200 for a ping, or 200 for any other event, ignored and counted. A plain
 * (Request) → Response function, so an edge function can serve it as well as Next.js.
 */
export function createGitHubWebhookHandler(options: { database?: () => Promise<Database> } = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handleDelivery(await (options.database ?? getDatabase)(), request);
    } catch (error) {
      return errorResponse(asMotifError(error));
    }
  };
}
