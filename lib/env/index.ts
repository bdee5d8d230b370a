import path from "node:path";
import { z } from "zod";

const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalText = z.preprocess(emptyAsUnset, z.string().min(1).optional());

const environmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
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
  MOTIF_EMBEDDINGS: z.enum(["builtin", "openai", "ollama"]).default("builtin"),
  MOTIF_EMBEDDING_MODEL: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OLLAMA_HOST: z.string().min(1).optional(),
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
  // Embedded Postgres' buffer pool, e.g. "256MB"; unset: sized from the data dir (lib/db/buffer-pool-size.ts).
  MOTIF_PG_SHARED_BUFFERS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().regex(/^[1-9]\d*(kB|MB|GB)$/, 'use a size such as "256MB" or "1GB"').optional(),
  ),
});

/** Motif's configuration, read from the process environment once and validated. */
export type MotifEnvironment = z.infer<typeof environmentSchema> & {
  mode: "embedded" | "supabase";
  dataDir: string;
};

let cached: MotifEnvironment | undefined;

/** Returns the validated environment; a bad variable stops start-up with its name. */
export function getEnvironment(): MotifEnvironment {
  if (cached) return cached;
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  cached = {
    ...parsed.data,
    mode: parsed.data.DATABASE_URL ? "supabase" : "embedded",
    dataDir: path.resolve(parsed.data.MOTIF_DATA_DIR ?? path.join(process.cwd(), ".motif")),
  };
  return cached;
}

/** Forgets the cached environment (tests change variables between cases). */
export function resetEnvironmentCache(): void {
  cached = undefined;
}
