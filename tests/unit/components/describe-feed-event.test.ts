import { describe, expect, it } from "vitest";
import { actorLabel, describeFeedEvent } from "@/components/describe-feed-event";
import type { PatternEvent } from "@/lib/realtime/client";

function event(fields: Partial<PatternEvent>): PatternEvent {
  return {
    id: 1, project_id: "p", pattern_id: null, event_type: "pattern.used", event_data: {}, actor: null, actor_name: null, actor_kind: null,
    pattern_name: null, ingest_job_id: null, created_at: "2026-12-06T10:00:00.000Z", ...fields,
  };
}

describe("describeFeedEvent", () => {
  it("reads an ingest as who ingested which repository, with its counts", () => {
    const sentence = describeFeedEvent(event({
      event_type: "ingest.completed", actor: "u1", actor_name: "ana@example.com", actor_kind: "person",
      event_data: { repository: "cpython-stdlib", files: 659, patterns: { created: 4534, updated: 2, unchanged: 10 } },
    }));
    expect(sentence).toEqual({ actor: "ana@example.com", action: "ingested cpython-stdlib", pattern: null, detail: "659 files, 4,536 patterns touched: 4534 new, 2 changed, 10 unchanged" });
  });

  it("says from what to what a status changed, and names the pattern", () => {
    const sentence = describeFeedEvent(event({
      event_type: "pattern.status_changed", pattern_id: "x", pattern_name: "Retry Loop", actor: "k", actor_name: "ci-bot", actor_kind: "agent",
      event_data: { status: "deprecated", previous_status: "active" },
    }));
    expect(sentence).toEqual({ actor: "API key “ci-bot”", action: "changed the status of", pattern: "Retry Loop", detail: "active → deprecated" });
  });

  it("names the pattern a use was reported for, and its outcome", () => {
    expect(describeFeedEvent(event({ pattern_name: "Lru Cache", event_data: { outcome: "successful", rating: 4 } })))
      .toMatchObject({ action: "reported a use of", pattern: "Lru Cache", detail: "successful · rated 4/5" });
  });
});

describe("actorLabel", () => {
  it("names the local operator when no account acted, and a removed account as such", () => {
    expect(actorLabel({ actor: null, actor_name: null, actor_kind: null })).toBe("the local operator (motif CLI)");
    expect(actorLabel({ actor: "gone", actor_name: null, actor_kind: null })).toBe("a former member");
  });
});
