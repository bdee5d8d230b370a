/** `GET /api/v1/projects/<project>/events`: the JSON list (initial page, catch-up). */
export function eventsUrl(project: string, query: { after?: number; limit?: number } = {}): string {
  const search = new URLSearchParams();
  if (query.after !== undefined) search.set("after", String(query.after));
  if (query.limit !== undefined) search.set("limit", String(query.limit));
  const suffix = search.size > 0 ? `?${search}` : "";
  return `/api/v1/projects/${encodeURIComponent(project)}/events${suffix}`;
}

/** `GET /api/v1/projects/<project>/events/stream?after=<id>`: the Server-Sent Events feed. */
export function streamUrl(project: string, after: number): string {
  return `/api/v1/projects/${encodeURIComponent(project)}/events/stream?after=${after}`;
}

/** `GET /api/v1/config`: which realtime transport this deployment uses. */
export const configUrl = "/api/v1/config";
