import { z } from "zod";
import { toMotifError } from "@/lib/db";
import { MotifError } from "@/lib/errors";
import { errorResponse } from "./json-response";
import { describeZodError } from "./parse-body";

/** The second argument Next.js passes to a route handler: the dynamic segments. */
export interface RouteContext<Params extends Record<string, string> = Record<string, string>> {
  params: Promise<Params>;
}

/** Turns anything a handler throws into a MotifError; unknown errors are logged in full. */
export function asMotifError(error: unknown): MotifError {
  if (error instanceof MotifError) return error;
  if (error instanceof z.ZodError) return new MotifError("bad_request:input", describeZodError(error));
  const fromDatabase = toMotifError(error);
  if (fromDatabase && fromDatabase.code !== "internal:server") {
    // Database details stay in the server log; the caller gets the mapped message only.
    console.warn("database refused a request:", (error as Error).message);
    return fromDatabase;
  }
  console.error("unhandled error in a route handler:", error);
  return new MotifError("internal:server", "something went wrong on the server");
}

/**
 * Wraps a route handler: whatever it throws (MotifError, zod error, Postgres error, bug)
 * becomes `{error: {code, message}}` with the right status, so handlers only say what to do.
 */
export function routeHandler<Params extends Record<string, string>>(
  handler: (request: Request, context: RouteContext<Params>) => Promise<Response>,
): (request: Request, context: RouteContext<Params>) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(asMotifError(error));
    }
  };
}
