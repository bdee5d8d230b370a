import { spawn } from "node:child_process";
import path from "node:path";

const repository = path.resolve(import.meta.dirname, "../..");

/** What a child process said (its stdout lines) and the signal that ended it, if any. */
export interface ChildOutcome {
  said: string[];
  signal: NodeJS.Signals | null;
}

/**
 * Runs a TypeScript script of the repository in a child Node process (through tsx) on the
 * given data dir, collecting its stdout lines; `onLine` sees each one as it comes and may
 * kill the child (the crash tests SIGKILL it mid-work).
 */
export function runChild(script: string, args: string[], dataDir: string, onLine?: (line: string, kill: () => void) => void): Promise<ChildOutcome> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repository,
    env: { ...process.env, MOTIF_DATA_DIR: dataDir, TSX_TSCONFIG_PATH: path.join(repository, "tsconfig.json") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const said: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      said.push(line);
      onLine?.(line, () => child.kill("SIGKILL"));
    }
  });
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve({ said, signal })));
}
