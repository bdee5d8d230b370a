import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnvironment } from "@/lib/env";
import { getLocalJwtSecret } from "./jwt-secret";

/** Every Motif API key starts so: it tells keys from JWTs and is easy to spot in a leak scan. */
export const apiKeyPrefix = "motif_";

/** A new API key: `key` is shown to the user once; only `prefix` and `hash` are stored. */
export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

const randomLength = 32;
const tagLength = 8;

/** The stored form of a key: sha256 hex (the key holds 256 random bits, so no salt is needed). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

// 8 bytes of HMAC-SHA256 over the random part, keyed with the server's JWT secret: a key this
// server did not make is refused by arithmetic alone, as a forged JWT is.
function tagOf(random: Buffer, secret: Uint8Array): Buffer {
  return createHmac("sha256", secret).update("motif-api-key:").update(random).digest().subarray(0, tagLength);
}

/**
 * The secret that tags keys: the data dir's JWT secret (embedded) or SUPABASE_JWT_SECRET, which
 * every server of a Supabase deployment shares; undefined when a Supabase project verifies
 * tokens with its published keys only (keys are then made untagged).
 */
function tagSecret(): Uint8Array | undefined {
  const environment = getEnvironment();
  if (environment.mode === "embedded") return getLocalJwtSecret(environment.dataDir);
  return environment.SUPABASE_JWT_SECRET ? new TextEncoder().encode(environment.SUPABASE_JWT_SECRET) : undefined;
}

/** Generates a key: `motif_` + base64url of 32 random bytes and their 8-byte tag (54 characters). */
export function generateApiKey(): GeneratedApiKey {
  const random = randomBytes(randomLength);
  const secret = tagSecret();
  const key = `${apiKeyPrefix}${Buffer.concat([random, ...(secret ? [tagOf(random, secret)] : [])]).toString("base64url")}`;
  return { key, prefix: key.slice(0, apiKeyPrefix.length + 6), hash: hashApiKey(key) };
}

/**
 * Whether a presented key may be one of ours, decided without the database: a tagged key
 * (54 characters) whose tag matches, or a key of the untagged form that keys created before
 * tags had (`motif_` + 43 characters), which only the database can judge.
 */
export function isWellFormedApiKey(key: string): boolean {
  const body = key.slice(apiKeyPrefix.length);
  if (!key.startsWith(apiKeyPrefix) || !/^[A-Za-z0-9_-]+$/.test(body)) return false;
  if (body.length === 43) return true;
  const secret = tagSecret();
  if (body.length !== 54 || !secret) return false;
  const bytes = Buffer.from(body, "base64url");
  return timingSafeEqual(bytes.subarray(randomLength), tagOf(bytes.subarray(0, randomLength), secret));
}
