import { z } from "zod";

const eventId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/**
 * GET /api/v1/projects/[slug]/events/entries query: entries `before` an event id, or with
 * `ingest` (its job id) that ingest's pattern events `after` an event id; `limit` 1–200 (default 30).
 */
export const listEntriesQuerySchema = z
  .object({
    before: eventId.optional(),
    after: eventId.optional(),
    ingest: z.uuid("must be an ingest's job id").optional(),
    limit: z.coerce.number().int().min(1, "must be between 1 and 200").max(200, "must be between 1 and 200").default(30),
  })
  .refine((query) => !(query.before !== undefined && query.ingest !== undefined), { message: "before pages the entries; an ingest's events page with after", path: ["before"] })
  .refine((query) => !(query.after !== undefined && query.ingest === undefined), { message: "after pages an ingest's events: name the ingest", path: ["after"] });
