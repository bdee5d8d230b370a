import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asService, toMotifError, type Database } from "@/lib/db";
import { describeErrorCause, MotifError } from "@/lib/errors";
import { asMotifError } from "@/lib/http";
import { createTestDatabase } from "@/tests/support/test-database";
import { buildWorld, type World } from "./support/world";

// Real errors from the real schema, through whichever driver the lane runs (PGlite names the
// constraint `constraint`, postgres.js `constraint_name`): what is the caller's fault is a 4xx
// with the schema's message, what is not is a 500 whose cause names SQLSTATE and constraint.

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
});
afterAll(() => database.close());

async function failure(sql: string, params: unknown[]): Promise<unknown> {
  try {
    await asService(database, (transaction) => transaction.query(sql, params));
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${sql} to fail`);
}

describe("database errors", () => {
  it("a row the server built wrong (a table's own check) is a 500 whose cause names SQLSTATE, constraint and table", async () => {
    const error = await failure(
      "insert into public.pattern_events (project_id, event_type, event_data) values ($1, 'pattern.created', $2::jsonb)",
      [world.alpha.id, JSON.stringify(["not", "an", "object"])],
    );
    const mapped = toMotifError(error);
    expect(mapped).toMatchObject({ code: "internal:server", status: 500, message: "something went wrong on the server" });
    expect(mapped?.cause).toBe(error);
    expect(describeErrorCause(mapped)).toMatch(
      /^SQLSTATE 23514, constraint pattern_events_event_data_check on public\.pattern_events: new row for relation "pattern_events" violates check constraint/,
    );
  });

  it("a rule a caller broke (raised by a trigger with its own message) stays a 4xx with that message", async () => {
    const error = await failure("update public.patterns set project_id = $1 where project_id = $2", [world.beta.id, world.alpha.id]);
    expect(toMotifError(error)).toMatchObject({ code: "bad_request:input", status: 400, message: "a row of patterns cannot move to another project" });
  });

  it("the HTTP layer logs a 500's cause in one line naming the constraint, and sends none of it", async () => {
    const error = await failure(
      "insert into public.pattern_events (project_id, event_type, event_data) values ($1, 'pattern.created', $2::jsonb)",
      [world.alpha.id, JSON.stringify("a string")],
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = asMotifError(new MotifError("internal:server", "something went wrong on the server", undefined, { cause: error }));
      expect(answer.message).toBe("something went wrong on the server");
      expect(String(logged.mock.calls[0][0])).toMatch(/^internal:server \(500\): SQLSTATE 23514, constraint pattern_events_event_data_check on public\.pattern_events/);
    } finally {
      logged.mockRestore();
    }
  });
});
