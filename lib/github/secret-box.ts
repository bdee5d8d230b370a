import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnvironment } from "@/lib/env";
import { MotifError } from "@/lib/errors";

const version = "v1";

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new MotifError("internal:config", "MOTIF_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64");
  return key;
}

function readOrCreateKeyFile(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": of two processes starting at once, one writes and the other reads its key.
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseKey(fs.readFileSync(file, "utf8").trim());
}

/**
 * The key that encrypts stored secrets: MOTIF_ENCRYPTION_KEY, or in embedded mode
 * `<dataDir>/encryption-key` (mode 0600, made on first use). Supabase mode needs the variable:
 * every server and worker must hold the same key.
 */
export function encryptionKey(): Buffer {
  const environment = getEnvironment();
  if (environment.MOTIF_ENCRYPTION_KEY) return parseKey(environment.MOTIF_ENCRYPTION_KEY);
  if (environment.mode === "embedded") return readOrCreateKeyFile(path.join(environment.dataDir, "encryption-key"));
  throw new MotifError("internal:config", "MOTIF_ENCRYPTION_KEY must be set when DATABASE_URL is set (it encrypts stored GitHub secrets)");
}

/** Encrypts a secret for storage (AES-256-GCM, a fresh nonce each time): `v1:<base64url>`. */
export function sealSecret(plain: string, key: Buffer = encryptionKey()): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${version}:${Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

/** Decrypts what {@link sealSecret} made; a wrong key or altered text is an error, never garbage. */
export function openSecret(stored: string, key: Buffer = encryptionKey()): string {
  const [prefix, body] = stored.split(":");
  if (prefix !== version || !body) throw new MotifError("internal:server", "a stored secret is not in a format this Motif reads");
  const bytes = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch (error) {
    throw Object.assign(new MotifError("internal:config", "a stored secret cannot be decrypted: the encryption key changed since it was stored"), { cause: error });
  }
}
