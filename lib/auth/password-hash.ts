import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt with N=2^14, r=8, p=1 is the OWASP baseline; the parameters are stored with each
// hash so that they can be raised later without breaking existing accounts.
const defaults = { N: 16384, r: 8, p: 1 };
const keyLength = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password with scrypt and a random salt into a self-describing string:
 * `scrypt$N=16384,r=8,p=1$<salt base64>$<hash base64>`.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, defaults);
  return `scrypt$N=${defaults.N},r=${defaults.r},p=${defaults.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

function parseStoredHash(stored: string): { options: ScryptOptions; salt: Buffer; key: Buffer } | undefined {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return undefined;
  const [, N, r, p, salt, key] = match;
  return { options: { N: Number(N), r: Number(r), p: Number(p) }, salt: Buffer.from(salt, "base64"), key: Buffer.from(key, "base64") };
}

/** True when the password matches a hash made by `hashPassword`; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed || parsed.key.length !== keyLength) return false;
  const candidate = await derive(password, parsed.salt, parsed.options);
  return timingSafeEqual(candidate, parsed.key);
}

/**
 * A hash of a random password, checked against when an email is unknown so that sign-in
 * takes as long for an unknown email as for a wrong password (no account enumeration).
 */
export function getDecoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

let decoyHash: Promise<string> | undefined;
