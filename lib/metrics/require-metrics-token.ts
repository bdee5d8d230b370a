import { timingSafeEqual } from "node:crypto";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { isOperatorToken } from "@/lib/env";

function same(presented: string, expected: string): boolean {
  return presented.length === expected.length && timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
}

/**
 * Lets through a scraper presenting MOTIF_METRICS_TOKEN (or, embedded, the data dir's operator
 * token, for a local look); everyone else gets a 401. Metrics name routes and volumes, so they
 * are never public.
 */
export function requireMetricsToken(request: Request): void {
  if (!isOperatorCaller(request)) throw new MotifError("unauthorized:auth", "a metrics token is required (Authorization: Bearer $MOTIF_METRICS_TOKEN)");
}

/** Whether a request carries MOTIF_METRICS_TOKEN or (embedded) the operator token: an operator, not a user. */
export function isOperatorCaller(request: Request): boolean {
  const environment = getEnvironment();
  const presented = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  const allowed = (environment.MOTIF_METRICS_TOKEN !== undefined && same(presented, environment.MOTIF_METRICS_TOKEN))
    || (environment.mode === "embedded" && presented !== "" && isOperatorToken(environment.dataDir, presented));
  return allowed;
}
