import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const fileName = "operator-token";

/**
 * Writes a fresh operator token into the data dir (mode 0600). Whoever can read the data dir
 * already owns every byte of the embedded database, so the token lets the local CLI talk to
 * the running server as that same operator instead of opening the locked data dir.
 */
export function writeOperatorToken(dataDir: string): string {
  const token = randomBytes(32).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, fileName), token, { mode: 0o600 });
  return token;
}

/** Reads the operator token of a data dir, if the server wrote one. */
export function readOperatorToken(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dataDir, fileName), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Timing-safe comparison of a presented bearer token with the data dir's operator token. */
export function isOperatorToken(dataDir: string, presented: string): boolean {
  const expected = readOperatorToken(dataDir);
  if (!expected || presented.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
}
