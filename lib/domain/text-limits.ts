/**
 * The longest text each stored or searched field accepts, in characters (JSON fields: bytes of
 * their JSON). One place, so that the HTTP schemas, the CLI and docs/security.md agree. Past a
 * limit a request is a 400 (a field) or 413 (a body) naming it, never a truncated write.
 */
export const textLimits = {
  /** RFC 5321: a forward path is at most 256 octets, so an address at most 254 characters. */
  email: 254,
  passwordMin: 8,
  passwordMax: 256,
  projectName: 200,
  projectDescription: 2_000,
  apiKeyName: 100,
  patternName: 300,
  patternDescription: 10_000,
  patternCode: 200_000,
  /** A pattern's `content` JSON, serialized. */
  patternContentBytes: 64 * 1024,
  tag: 100,
  tags: 100,
  intent: 2_000,
  context: 20_000,
  usageNotes: 10_000,
} as const;

/** The largest JSON body a route reads unless it says otherwise (uploads say more, sign-in less). */
export const defaultBodyBytes = 1024 * 1024;

/** The body limit of the routes anyone may call before signing in (sign-up, sign-in). */
export const anonymousBodyBytes = 16 * 1024;

/** The deepest nesting of arrays and objects a JSON body may have. */
export const maxJsonDepth = 64;
