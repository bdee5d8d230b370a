import { z } from "zod";

const eventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** GET /api/v1/projects/[slug]/events query: `after` an event id, `limit` 1–500 (default 50). */
export const listEventsQuerySchema = z.object({
  after: eventId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** GET /api/v1/projects/[slug]/events/stream query: resume `after` an event id. */
export const streamEventsQuerySchema = z.object({ after: eventId.optional() });

/** The `Last-Event-ID` header a reconnecting EventSource sends: the id of the last event it got. */
export const lastEventIdSchema = eventId;
