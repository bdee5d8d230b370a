/**
 * One valid body per documented write, so that a mutated copy (one or two fields made hostile,
 * NUL bytes in the others) passes validation often enough to reach the database.
 */
export const exampleBodies: Record<string, Record<string, unknown>> = {
  "POST /api/v1/auth/sign-up": { email: "fuzz-new@example.com", password: "correct horse battery" },
  "POST /api/v1/auth/sign-in": { email: "fuzz-admin@example.com", password: "not the password" },
  "POST /api/v1/projects": { name: "Fuzzed", slug: "fuzzed" },
  "PATCH /api/v1/projects/{slug}": { name: "Fuzz" },
  "POST /api/v1/projects/{slug}/invitations": { email: "someone@example.com", role: "viewer" },
  "PATCH /api/v1/projects/{slug}/members/{userId}": { role: "member" },
  "POST /api/v1/projects/{slug}/api-keys": { name: "fuzz key", role: "viewer" },
  "POST /api/v1/projects/{slug}/jobs": { job_type: "reembed" },
  "POST /api/v1/patterns": { project: "fuzz", name: "Retry loop", description: "retries", code: "def retry(call):\n    return call()\n", tags: ["retry"], dependencies: ["time"], content: { note: "x" } },
  "POST /api/v1/patterns/match": { project: "fuzz", intent: "retry with backoff", context: "python", requirements: ["async"], filters: { tags: ["retry"] }, limit: 5 },
  "PATCH /api/v1/patterns/{id}": { name: "Renamed", description: "d", tags: ["x"], content: { a: 1 } },
  "POST /api/v1/patterns/{id}/usage": { outcome: "successful", rating: 5, task_id: "t", feedback: "f", context: { k: "v" } },
  "PATCH /api/v1/patterns/{id}/usage/{usageId}": { outcome: "failed", feedback: "f" },
  "POST /api/v1/patterns/{id}/validations": { verdict: "confirm", comment: "c", evidence: { run: "ok" } },
  "POST /api/v1/prompts/enhance": { project: "fuzz", prompt: "write a retry loop", task: "retry", token_budget: 500 },
  "POST /api/v1/extract": { project: "fuzz", repository: "r", files: [{ path: "a.py", content: "def f():\n    return 1\n" }] },
};

/** Puts NUL bytes into every string of a value (a copy), as a client bent on it would. */
export function withNulBytes(value: unknown): unknown {
  if (typeof value === "string") return `${value}\u0000`;
  if (Array.isArray(value)) return value.map(withNulBytes);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withNulBytes(item)]));
  return value;
}
