import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const sourceFolders = ["app", "components", "lib", "public"];
const sourceFiles = ["next.config.ts", "proxy.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestModification(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

/** True when `.next` holds a production build newer than every source file. */
export function isBuildCurrent(home: string): boolean {
  const buildId = path.join(home, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const entries = [...sourceFolders, ...sourceFiles].map((entry) => path.join(home, entry));
  return entries.every((entry) => newestModification(entry) <= builtAt);
}

/**
 * Builds the web app when there is no current production build, so that `npm start` on a
 * fresh clone works without a separate build step. Output goes to stderr.
 */
export async function ensureBuild(home: string): Promise<void> {
  if (isBuildCurrent(home)) return;
  process.stderr.write("motif: building the web app (first start or sources changed)...\n");
  const nextBin = path.join(home, "node_modules", "next", "dist", "bin", "next");
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: home, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (status) => resolve(status ?? 1));
  });
  if (code !== 0) throw new Error(`the web app build failed (next build exited with ${code})`);
}
