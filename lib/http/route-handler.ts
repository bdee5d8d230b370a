import { z } from "zod";
import { toMotifError } from "@/lib/db";
import { describeErrorCause, MotifError, sqlStateOf } from "@/lib/errors";
import { errorResponse } from "./json-response";
import { describeZodError } from "./parse-body";

/** The second argument Next.js passes to a route handler: the dynamic segments. */
export interface RouteContext<Params extends Record<string, string> = Record<string, string>> {
  params: Promise<Params>;
}

/**
 * Turns anything a handler throws into a MotifError. Every 5xx is logged with what caused it
 * (for a database error: SQLSTATE, constraint, table); a database's refusal that is the
 * caller's (a 4xx) is logged as a warning, its details never sent.
 */
export function asMotifError(error: unknown): MotifError {
  if (error instanceof z.ZodError) return new MotifError("bad_request:input", describeZodError(error));
  const motifError = error instanceof MotifError
    ? error
    : toMotifError(error) ?? new MotifError("internal:server", "something went wrong on the server", undefined, { cause: error });
  const cause = motifError.cause;
  if (motifError.status >= 500 && cause !== undefined) {
    console.error(`${motifError.code} (${motifError.status}): ${describeErrorCause(motifError)}`, cause instanceof Error && !sqlStateOf(cause) ? cause : "");
  } else if (motifError.status >= 500) {
    console.error(`${motifError.code} (${motifError.status}): ${motifError.message}`);
  } else if (sqlStateOf(cause)) {
    console.warn(`database refused a request (${motifError.status}): ${describeErrorCause(motifError)}`);
  }
  return motifError;
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
