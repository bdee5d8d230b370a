import { spawn } from "node:child_process";
import path from "node:path";

const repository = path.resolve(import.meta.dirname, "../..");

/** Every variable that configures an LLM provider: removed so a test starts with none. */
export const llmVariables = [
  "OLLAMA_HOST", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "MOTIF_LLM_LOCAL_MODEL", "MOTIF_LLM_OPENAI_MODEL",
  "MOTIF_LLM_ANTHROPIC_MODEL", "MOTIF_LLM_TASK_MODELS", "MOTIF_LLM_FORCE_PROVIDER", "MOTIF_LLM_COMPLEX_INPUT_TOKENS", "MOTIF_LLM_TIMEOUT_MS",
  "MOTIF_LLM_MAX_RETRIES", "MOTIF_LLM_PRICES", "MOTIF_EMBEDDINGS",
];

/**
 * Runs `bin/motif` in a child process without blocking this one (tests serve the providers'
 * wire formats from this process meanwhile), in embedded mode on `dataDir`, with no LLM
 * provider configured unless `env` names one.
 */
export function runMotif(args: string[], options: { cwd: string; dataDir: string; env?: Record<string, string> }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: options.dataDir };
  delete env.DATABASE_URL;
  for (const name of llmVariables) delete env[name];
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [path.join(repository, "bin/motif"), ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}
