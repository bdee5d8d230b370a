import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

const secretsByDataDir = new Map<string, Uint8Array>();

function readOrCreate(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": of two processes starting at once, one writes and the other reads its secret.
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The embedded mode's JWT signing secret: `<dataDir>/jwt-secret` (mode 0600), generated on
 * first start and read once per process. Anyone holding it could mint sessions.
 */
export function getLocalJwtSecret(dataDir: string): Uint8Array {
  let secret = secretsByDataDir.get(dataDir);
  if (!secret) {
    secret = new TextEncoder().encode(readOrCreate(path.join(dataDir, "jwt-secret")));
    secretsByDataDir.set(dataDir, secret);
  }
  return secret;
}

/**
 * The secret that signs (embedded) or verifies (Supabase, `SUPABASE_JWT_SECRET`) session JWTs
 * in the configured mode.
 */
export function getJwtSecret(): Uint8Array {
  const environment = getEnvironment();
  if (environment.mode === "embedded") return getLocalJwtSecret(environment.dataDir);
  if (!environment.SUPABASE_JWT_SECRET) {
    throw new MotifError("internal:server", "SUPABASE_JWT_SECRET must be set when DATABASE_URL is set");
  }
  return new TextEncoder().encode(environment.SUPABASE_JWT_SECRET);
}
