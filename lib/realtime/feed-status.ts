/**
 * Where a live feed stands. `connecting` until the first page arrived and the transport
 * opened; `live` while events flow; `reconnecting` after a drop (it resumes from the last
 * event id); `unauthorized` (signed out), `not_found` (not a member, or no such project) and
 * `error` are final until the project or the session changes.
 */
export type PatternFeedStatus = "idle" | "connecting" | "live" | "reconnecting" | "unauthorized" | "not_found" | "error";

/** The feed status a refused HTTP answer means; undefined for answers worth retrying (5xx). */
export function statusForHttp(status: number): PatternFeedStatus | undefined {
  if (status === 401) return "unauthorized";
  if (status === 403 || status === 404) return "not_found";
  if (status >= 400 && status < 500) return "error";
  return undefined;
}
