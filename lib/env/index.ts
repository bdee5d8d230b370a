import os from "node:os";
import path from "node:path";
import { z } from "zod";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalText = z.preprocess(emptyAsUnset, z.string().min(1).optional());

const environmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  // Supabase's edge runtime hands a function its database as SUPABASE_DB_URL: the same meaning.
  SUPABASE_DB_URL: z.string().url().optional(),
  MOTIF_DATA_DIR: z.string().min(1).optional(),
  SUPABASE_URL: z.string().url().optional(),
  SUPABASE_ANON_KEY: z.string().min(1).optional(),
  SUPABASE_JWT_SECRET: z.string().min(1).optional(),
  // Supabase mode's connection pool (lib/db/postgres-pool-options.ts): unset, sized and shaped
  // from DATABASE_URL's port (6543: the transaction pooler).
  MOTIF_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).optional(),
  MOTIF_DB_POOL_MODE: z.enum(["transaction", "direct"]).optional(),
  MOTIF_SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(60 * 60 * 24 * 7),
  PORT: z.coerce.number().int().positive().default(3000),
  // The interface `motif serve` listens on; 0.0.0.0 opens it to the network.
  MOTIF_HOST: z.string().min(1).default("127.0.0.1"),
  // Origins (besides the server's own) whose pages may write with the session cookie, comma-separated.
  MOTIF_ALLOWED_ORIGINS: z.string().optional(),
  // "true" when a reverse proxy sets X-Forwarded-For: the rate limits then key on its first address.
  MOTIF_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  MOTIF_EMBEDDINGS: z.enum(["builtin", "use-lite", "openai", "ollama"]).default("builtin"),
  MOTIF_EMBEDDING_MODEL: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  // A project API key for `motif mcp` (Supabase mode, or --url with a remote Motif).
  MOTIF_API_KEY: z.string().min(1).optional(),
  // Accuracy monitoring: a design-pattern kind whose verdicts confirm it less often than this
  // (over at least MOTIF_ACCURACY_MIN_VERDICTS verdicts) is reported in the feed and /api/health.
  MOTIF_ACCURACY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  MOTIF_ACCURACY_MIN_VERDICTS: z.coerce.number().int().min(1).default(5),
  // Bearer token a Prometheus scraper presents to /metrics.
  MOTIF_METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OLLAMA_HOST: z.string().min(1).optional(),
  // GitHub's REST API; default https://api.github.com (GitHub Enterprise Server: https://HOST/api/v3).
  GITHUB_API_URL: z.string().url().optional(),
  // Where people reach the dashboard, for links in pull-request and issue comments.
  MOTIF_PUBLIC_URL: z.string().url().optional(),
  // 32 bytes (base64 or hex) that encrypt stored GitHub secrets; embedded mode makes one in the data dir.
  MOTIF_ENCRYPTION_KEY: z.string().min(1).optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  // LLM routing (lib/llm, docs/llm-routing.md). Empty values count as unset.
  MOTIF_LLM_LOCAL_MODEL: optionalText,
  MOTIF_LLM_OPENAI_MODEL: optionalText,
  MOTIF_LLM_ANTHROPIC_MODEL: optionalText,
  MOTIF_LLM_TASK_MODELS: optionalText,
  MOTIF_LLM_FORCE_PROVIDER: z.preprocess(emptyAsUnset, z.enum(["ollama", "openai", "anthropic"]).optional()),
  MOTIF_LLM_COMPLEX_INPUT_TOKENS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().optional()),
  MOTIF_LLM_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().optional()),
  MOTIF_LLM_MAX_RETRIES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(10).optional()),
  MOTIF_LLM_PRICES: optionalText,
  // "llm": intent search has the LLM router restate each intent in the code's words before matching
  // (lib/intent-rewrite); unset is "off". Each call bounded by MOTIF_SEARCH_REWRITE_TIMEOUT_MS (default 8000), no retries.
  MOTIF_SEARCH_REWRITE: z.preprocess(emptyAsUnset, z.enum(["off", "llm"]).optional()),
  MOTIF_SEARCH_REWRITE_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).max(60_000).optional()),
  // Embedded Postgres' buffer pool, e.g. "256MB"; unset: sized from the data dir (lib/db/buffer-pool-size.ts).
  // Set by `motif serve` for the Deno functions it starts (embedded mode): where the server answers
  // database and caller look-ups (lib/edge-functions), the secret that proves the caller is that
  // Deno process, and the job owner its ingest jobs are recorded under.
  MOTIF_FUNCTIONS_SERVER_URL: z.string().url().optional(),
  MOTIF_FUNCTIONS_SECRET: z.string().min(32).optional(),
  MOTIF_JOB_OWNER: z.string().min(1).optional(),
  // `motif ingest` prints each phase's wall and CPU time to stderr (benchmarks).
  MOTIF_PHASE_TIMINGS: z.preprocess((value) => (value === "" || value === "0" ? undefined : value), z.literal("1").optional()),
  MOTIF_PG_SHARED_BUFFERS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().regex(/^[1-9]\d*(kB|MB|GB)$/, 'use a size such as "256MB" or "1GB"').optional(),
  ),
});

/** Motif's configuration, read from the process environment once and validated. */
export type MotifEnvironment = z.infer<typeof environmentSchema> & {
  mode: "embedded" | "supabase";
  dataDir: string;
  allowedOrigins: string[];
  trustProxy: boolean;
  /** Whether `dataDir` was chosen by MOTIF_DATA_DIR or is the user's Motif home (`~/.motif`). */
  dataDirSource: "MOTIF_DATA_DIR" | "home";
};

/**
 * The user's Motif home: one data dir for every command, wherever it is run from, so the CLI
 * and the dashboard always see the same data (a folder relative to the working directory
 * scattered databases over the repositories people ingested from).
 */
export function defaultDataDir(): string {
  return path.join(os.homedir(), ".motif");
}

let cached: MotifEnvironment | undefined;

/** Returns the validated environment; a bad variable stops start-up with its name. */
export function getEnvironment(): MotifEnvironment {
  if (cached) return cached;
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const databaseUrl = parsed.data.DATABASE_URL ?? parsed.data.SUPABASE_DB_URL;
  cached = {
    ...parsed.data,
    DATABASE_URL: databaseUrl,
    mode: databaseUrl ? "supabase" : "embedded",
    // A run-time folder, not one of the app's files: Turbopack must not trace the project from it.
    dataDir: path.resolve(/*turbopackIgnore: true*/ parsed.data.MOTIF_DATA_DIR ?? defaultDataDir()),
    dataDirSource: parsed.data.MOTIF_DATA_DIR ? "MOTIF_DATA_DIR" : "home",
    allowedOrigins: (parsed.data.MOTIF_ALLOWED_ORIGINS ?? "").split(",").map((origin) => origin.trim()).filter(Boolean),
    trustProxy: parsed.data.MOTIF_TRUST_PROXY === "true",
  };
  return cached;
}

/** Forgets the cached environment (tests change variables between cases). */
export function resetEnvironmentCache(): void {
  cached = undefined;
}
export { writeOperatorToken, readOperatorToken, isOperatorToken } from "./operator-token";
export { readLockOwner, readLockFile, isProcessAlive, lockFileName, type LockOwner } from "./lock-owner";
export { databaseIdentity, advertiseServer, readAdvertisedServer, type AdvertisedServer } from "./advertised-server";
