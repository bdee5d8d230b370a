import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

/** How `motif serve` starts the local edge runtime. */
export interface DenoFunctionsOptions {
  /** The repository root (MOTIF_HOME): supabase/functions and node_modules live here. */
  home: string;
  /** Variables the functions get on top of the server's own environment. */
  environment: Record<string, string>;
  /** Server log lines. */
  onLog: (line: string) => void;
  /** Longest wait for the runtime to listen: its first start installs its npm packages. */
  startTimeoutMs?: number;
}

/** A running local edge runtime. */
export interface DenoFunctions {
  /** Resolves to the port the runtime listens on, once it does; rejects if it cannot start. */
  ready: Promise<number>;
  /** The function names it serves (known once ready). */
  functions: () => readonly string[];
  /** Milliseconds from spawning Deno to its listening (known once ready). */
  startupMs: () => number | undefined;
  /** Whether the process is still alive. */
  running: () => boolean;
  stop: () => Promise<void>;
}

/** The deno executable the `deno` npm package installed (devDependency), or its launcher. */
export function denoCommand(home: string): { command: string; prefix: string[] } {
  const binary = path.join(home, "node_modules", "deno", process.platform === "win32" ? "deno.exe" : "deno");
  if (fs.existsSync(binary)) return { command: binary, prefix: [] };
  // Without its postinstall the package's launcher fetches the platform binary on first use.
  return { command: process.execPath, prefix: [path.join(home, "node_modules", "deno", "bin.cjs")] };
}

/** Deno's arguments for the local router, with only the permissions the functions use. */
export function denoServeArguments(home: string): string[] {
  const functions = path.join(home, "supabase", "functions");
  return [
    "run", "--config", path.join(functions, "deno.json"),
    "--allow-net", "--allow-env", "--allow-read", "--allow-sys",
    path.join(functions, "_shared", "serve-locally.ts"),
  ];
}

function waitForListening(child: ChildProcess, options: DenoFunctionsOptions, found: (names: string[]) => void): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Deno did not start the functions within ${(options.startTimeoutMs ?? 120_000) / 1000} s`)), options.startTimeoutMs ?? 120_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const message = /^\{"listening":/.test(line) ? (JSON.parse(line) as { listening: number; functions: string[] }) : undefined;
      if (!message) return options.onLog(`functions: ${line}`);
      clearTimeout(timer);
      found(message.functions);
      resolve(message.listening);
    });
    readline.createInterface({ input: child.stderr! }).on("line", (line) => options.onLog(`functions: ${line}`));
    child.once("error", (error) => (clearTimeout(timer), reject(error)));
    child.once("exit", (code, signal) => (clearTimeout(timer), reject(new Error(`Deno exited (${signal ?? `code ${code}`}) before serving the functions`))));
  });
}

/**
 * Starts supabase/functions under real Deno (one process, every function, a free loopback
 * port). The server proxies /functions/v1/<name> to it. Stopping kills that one process.
 */
export function startDenoFunctions(options: DenoFunctionsOptions): DenoFunctions {
  const { command, prefix } = denoCommand(options.home);
  const child = spawn(command, [...prefix, ...denoServeArguments(options.home)], {
    cwd: options.home,
    env: { ...process.env, ...options.environment, MOTIF_FUNCTIONS_PORT: "0", DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    // stdin stays open: the runtime exits when it closes, so it never outlives the server.
    stdio: ["pipe", "pipe", "pipe"],
  });
  let names: string[] = [];
  let alive = true;
  const spawnedAt = performance.now();
  let listeningAt: number | undefined;
  const exited = new Promise<void>((resolve) => child.once("exit", () => ((alive = false), resolve())));
  const ready = waitForListening(child, options, (found) => ((names = found), (listeningAt = performance.now())));
  ready.catch(() => undefined);
  return {
    ready,
    functions: () => names,
    startupMs: () => (listeningAt === undefined ? undefined : listeningAt - spawnedAt),
    running: () => alive,
    async stop() {
      if (alive) child.kill("SIGTERM");
      await exited;
    },
  };
}
