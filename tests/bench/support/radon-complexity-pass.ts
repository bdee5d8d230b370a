import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { measureProcess, type ProcessMeasure } from "./measure-process";

/** How radon can be run here, or why it cannot. */
export type RadonSetup = { available: true; mode: "cli" | "api"; env: NodeJS.ProcessEnv; origin: string } | { available: false; reason: string };

// radon's CLI needs `mando`; when only the radon package is present, the same pass
// (cc_visit on every file, blocks as JSON) runs through its API.
const apiPass = `
import json, os, sys
from radon.complexity import cc_visit
results = {}
for folder, folders, names in os.walk(sys.argv[1]):
    folders.sort()
    for name in sorted(names):
        if not name.endswith(".py"):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as handle:
                blocks = cc_visit(handle.read())
            results[path] = [{"name": b.name, "lineno": b.lineno, "endline": b.endline, "complexity": b.complexity, "classname": getattr(b, "classname", None)} for b in blocks]
        except Exception as error:
            results[path] = {"error": str(error)}
json.dump(results, sys.stdout)
`;

function canImport(module: string, env: NodeJS.ProcessEnv): boolean {
  return spawnSync("python3", ["-c", `import ${module}`], { env, stdio: "ignore" }).status === 0;
}

// Debian's python3-radon (`apt-get install python3-radon`) installs here, where a python3 other
// than Debian's own (pyenv, a virtualenv) does not look.
const debianPackages = "/usr/lib/python3/dist-packages";

/** Finds radon: installed, at RADON_PATH, Debian's python3-radon, or at /tmp/radon (a folder holding the `radon` package). */
export function findRadon(): RadonSetup {
  const candidates = [process.env.RADON_PATH, debianPackages, "/tmp/radon"].filter((folder): folder is string => Boolean(folder));
  for (const origin of ["installed", ...candidates]) {
    if (origin !== "installed" && !existsSync(path.join(origin, "radon"))) continue;
    const env = origin === "installed" ? { ...process.env } : { ...process.env, PYTHONPATH: origin };
    if (!canImport("radon.complexity", env)) continue;
    return { available: true, mode: canImport("radon.cli", env) ? "cli" : "api", env, origin };
  }
  return { available: false, reason: "radon is not installed (apt-get install python3-radon or pip install radon, or set RADON_PATH to a folder holding the radon package)" };
}

/** Runs radon's cyclomatic-complexity pass over a folder as its own process. */
export function runRadonComplexityPass(setup: Extract<RadonSetup, { available: true }>, folder: string, outFile: string): ProcessMeasure & { blocks: number; errors: number } {
  const command = setup.mode === "cli" ? ["python3", "-m", "radon", "cc", "-j", "."] : ["python3", "-c", apiPass, "."];
  const measured = measureProcess({ command, cwd: folder, outFile, env: setup.env });
  const output = JSON.parse(readFileSync(outFile, "utf8")) as Record<string, unknown[] | { error: string }>;
  const entries = Object.values(output);
  const blocks = entries.reduce((sum, entry) => sum + (Array.isArray(entry) ? entry.length : 0), 0);
  return { ...measured, blocks, errors: entries.filter((entry) => !Array.isArray(entry)).length };
}
