import type { JwtClaims } from "@/lib/db";

/**
 * How long a verified API key is trusted without asking the database again (and so how often
 * its `last_used_at` is written). Verifying costs a write transaction (~3 ms in PGlite) on
 * every request otherwise. Revoking a key in this process forgets it at once; a key revoked
 * by another process is refused within this window. Either way the key's data access ends at
 * once: row-level security checks `revoked_at` on every statement (private.caller_project_roles).
 */
export const apiKeyTrustMs = 30_000;

// Bounded so that a flood of distinct keys cannot grow the process; hashes only, never keys.
const maxEntries = 1_000;
const verified = new Map<string, { claims: JwtClaims; verifiedAt: number }>();

/** The claims of a key (by hash) verified less than `apiKeyTrustMs` ago, if any. */
export function recallVerifiedApiKey(keyHash: string, now = Date.now()): JwtClaims | undefined {
  const entry = verified.get(keyHash);
  if (!entry) return undefined;
  if (now - entry.verifiedAt < apiKeyTrustMs) return entry.claims;
  verified.delete(keyHash);
  return undefined;
}

/** Remembers a key (by hash) that the database has just verified. */
export function rememberVerifiedApiKey(keyHash: string, claims: JwtClaims, now = Date.now()): void {
  if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
  verified.set(keyHash, { claims, verifiedAt: now });
}

/** Forgets a key (by id), so that its next request is verified again: call it on revocation. */
export function forgetVerifiedApiKey(apiKeyId: string): void {
  for (const [keyHash, entry] of verified) if (entry.claims.api_key_id === apiKeyId) verified.delete(keyHash);
}

/**
 * Hashes of well-formed keys the database did not know, remembered for `apiKeyTrustMs`: a
 * client repeating an invented or revoked key is refused without a database transaction each
 * time. Bounded like the verified keys. A key created after being refused here is not affected:
 * a new key's hash cannot be one refused before (256 random bits).
 */
export const refusedApiKeys = {
  recall(keyHash: string, now = Date.now()): boolean {
    const refusedAt = refused.get(keyHash);
    if (refusedAt === undefined) return false;
    if (now - refusedAt < apiKeyTrustMs) return true;
    refused.delete(keyHash);
    return false;
  },
  remember(keyHash: string, now = Date.now()): void {
    if (refused.size >= maxEntries) refused.delete(refused.keys().next().value!);
    refused.set(keyHash, now);
  },
};

const refused = new Map<string, number>();
