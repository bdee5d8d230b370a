import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";
import { isOperatorToken } from "@/lib/env";

/**
 * Lets through only the holder of the data dir's operator token: the local CLI talking to the
 * `motif serve` this machine runs (embedded: the owner of the data dir; DATABASE_URL mode: a
 * server on the same database, where the CLI could reach the database itself with the same
 * rights). The token file is readable by the data dir's owner only. Anyone else gets a 401.
 */
export function requireOperator(request: Request): void {
  const environment = getEnvironment();
  const token = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!isOperatorToken(environment.dataDir, token)) throw new MotifError("unauthorized:auth", "operator token required");
}
