import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { isOperatorToken } from "@/lib/env";

/**
 * Lets through only the holder of the data dir's operator token (embedded mode): the local
 * CLI talking to the `motif serve` that owns the data dir. Anyone else gets a 401.
 */
export function requireOperator(request: Request): void {
  const environment = getEnvironment();
  const token = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (environment.mode !== "embedded" || !isOperatorToken(environment.dataDir, token)) {
    throw new MotifError("unauthorized:auth", "operator token required");
  }
}
