import { createHash, randomBytes } from "node:crypto";

/** Every Motif API key starts so: it tells keys from JWTs and is easy to spot in a leak scan. */
export const apiKeyPrefix = "motif_";

/** A new API key: `key` is shown to the user once; only `prefix` and `hash` are stored. */
export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/** The stored form of a key: sha256 hex (the key holds 256 random bits, so no salt is needed). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Generates a key: `motif_` + 32 random bytes in base64url. */
export function generateApiKey(): GeneratedApiKey {
  const key = `${apiKeyPrefix}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, apiKeyPrefix.length + 6), hash: hashApiKey(key) };
}

/** True when the text has the shape `generateApiKey` gives: `motif_` and 43 base64url characters. */
export function isWellFormedApiKey(key: string): boolean {
  return /^motif_[A-Za-z0-9_-]{43}$/.test(key);
}
