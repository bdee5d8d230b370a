import type { PatternEvent } from "@/lib/realtime/client";

/** One feed entry as a sentence: who, did what, to which pattern, and what else is worth saying. */
export interface FeedSentence {
  actor: string;
  action: string;
  /** The pattern named (linked when it still exists). */
  pattern: string | null;
  detail: string | null;
}

type Counts = { created?: number; updated?: number; unchanged?: number; received?: number };

/** Who acted, as the feed names them: the member's e-mail, "API key <name>", or the CLI on the server's machine. */
export function actorLabel(event: Pick<PatternEvent, "actor" | "actor_name" | "actor_kind">): string {
  if (event.actor_name) return event.actor_kind === "agent" ? `API key “${event.actor_name}”` : event.actor_name;
  return event.actor ? "a former member" : "the local operator (motif CLI)";
}

const plural = (count: number, word: string) => `${count.toLocaleString()} ${word}${count === 1 ? "" : "s"}`;
const words = (value: unknown) => (typeof value === "string" ? value.replaceAll("_", " ") : null);

function ingestSentence(data: Record<string, unknown>): Pick<FeedSentence, "action" | "detail"> {
  const patterns = (data.patterns ?? {}) as Counts;
  const repository = typeof data.repository === "string" && data.repository ? data.repository : null;
  const files = typeof data.files === "number" ? `${plural(data.files, "file")}, ` : "";
  const changed = [`${patterns.created ?? 0} new`, `${patterns.updated ?? 0} changed`];
  if (patterns.unchanged) changed.push(`${patterns.unchanged} unchanged`);
  return {
    action: `ingested ${repository ?? "code"}`,
    detail: `${files}${plural((patterns.created ?? 0) + (patterns.updated ?? 0), "pattern")} touched: ${changed.join(", ")}`,
  };
}

/** The sentence an event reads as in the feed (every entry names its actor, and its pattern when it has one). */
export function describeFeedEvent(event: PatternEvent): FeedSentence {
  const data = event.event_data;
  const base = { actor: actorLabel(event), pattern: event.pattern_name };
  switch (event.event_type) {
    case "ingest.completed":
      return { ...base, pattern: null, ...ingestSentence(data) };
    case "pattern.status_changed":
      return { ...base, action: "changed the status of", detail: data.previous_status ? `${words(data.previous_status)} → ${words(data.status)}` : `now ${words(data.status)}` };
    case "pattern.used":
      return { ...base, action: "reported a use of", detail: [words(data.outcome), typeof data.rating === "number" ? `rated ${data.rating}/5` : null].filter(Boolean).join(" · ") || null };
    case "pattern.created":
      return { ...base, action: "created", detail: words(data.kind) };
    case "pattern.updated":
      return { ...base, action: "updated", detail: Array.isArray(data.changed) ? `changed ${data.changed.join(", ")}` : words(data.change) };
    case "pattern.deleted":
      return { ...base, action: "deleted", detail: null };
    case "pattern.versioned":
      return { ...base, action: "published a new version of", detail: typeof data.version === "number" ? `version ${data.version}` : null };
    case "pattern.archived":
      return { ...base, action: "archived", detail: data.previous_status ? `was ${words(data.previous_status)}` : null };
    case "pattern.confirmed":
      return { ...base, action: "confirmed", detail: null };
    case "pattern.contradicted":
      return { ...base, action: "contradicted", detail: null };
    case "pattern.usage_closed":
      return { ...base, action: "closed a use of", detail: words(data.outcome) };
    case "pattern.suggested":
      return { ...base, action: "was suggested", detail: "in an enhanced prompt" };
    case "pattern.occurrences_removed":
      return { ...base, action: "lost occurrences of", detail: null };
    default:
      return { ...base, action: event.event_type.replace(/^pattern\./, "").replace(/[._]+/g, " "), detail: null };
  }
}

/** An ingest's per-pattern event as one line of its expanded entry: "created", "updated: occurrences". */
export function describeIngestChange(event: PatternEvent): string {
  const data = event.event_data;
  if (event.event_type === "pattern.created") return `new${data.kind ? ` · ${words(data.kind)}` : ""}`;
  if (event.event_type === "pattern.updated") return `changed${data.change ? ` · ${words(data.change)}` : ""}`;
  return event.event_type.replace(/^pattern\./, "").replace(/[._]+/g, " ");
}
