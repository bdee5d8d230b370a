import { asMotifError, errorResponse } from "@/lib/http";

/** A function's request handler: a web Request in, a web Response out (runtime-neutral). */
export type FunctionHandler = (request: Request) => Promise<Response>;

/**
 * Wraps a function's handler as route handlers are wrapped: whatever it throws becomes
 * `{error: {code, message}}` with the status its code maps to, and anything but POST is a 405.
 */
export function functionHandler(handler: FunctionHandler): FunctionHandler {
  return async (request) => {
    if (request.method !== "POST") {
      return new Response(JSON.stringify({ error: { code: "bad_request:input", message: `${request.method} is not allowed; send POST with a JSON body` } }), {
        status: 405,
        headers: { "content-type": "application/json", allow: "POST, OPTIONS" },
      });
    }
    try {
      return await handler(request);
    } catch (error) {
      return errorResponse(asMotifError(error));
    }
  };
}
