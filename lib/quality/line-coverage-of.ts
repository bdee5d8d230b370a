import type { CoverageReport, FileLineCoverage } from "./coverage-report";

/** Finds a file's line coverage in a report whatever root the report's paths are relative to. */
export type CoverageLookup = (file: string) => FileLineCoverage | undefined;

function normalisePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * A lookup matching paths by suffix: the report may hold absolute paths (lcov, Cobertura
 * with `<sources>`) or paths relative to another directory than the working one. A unit's
 * file `app/db.py` matches report path `/ci/build/app/db.py`, and report path `db.py`
 * matches `src/app/db.py`. Among several matches the one sharing the longest suffix wins,
 * then the shorter report path, so the choice never depends on report order.
 */
export function createCoverageLookup(report: CoverageReport): CoverageLookup {
  const byBaseName = new Map<string, string[]>();
  for (const path of report.files.keys()) {
    const name = baseName(normalisePath(path));
    byBaseName.set(name, [...(byBaseName.get(name) ?? []), path]);
  }
  const cache = new Map<string, FileLineCoverage | undefined>();
  return (file) => {
    const wanted = normalisePath(file);
    if (cache.has(wanted)) return cache.get(wanted);
    let best: { path: string; shared: number } | undefined;
    for (const path of byBaseName.get(baseName(wanted)) ?? []) {
      const candidate = normalisePath(path);
      const matches = candidate === wanted || candidate.endsWith(`/${wanted}`) || wanted.endsWith(`/${candidate}`);
      if (!matches) continue;
      const shared = Math.min(candidate.length, wanted.length);
      if (!best || shared > best.shared || (shared === best.shared && path.length < best.path.length)) best = { path, shared };
    }
    const found = best ? report.files.get(best.path) : undefined;
    cache.set(wanted, found);
    return found;
  };
}

/** Covered executable lines / executable lines known in [startLine, endLine]; null when the report knows none there. */
export function coverageOfRange(coverage: FileLineCoverage, startLine: number, endLine: number): number | null {
  let executable = 0;
  let covered = 0;
  for (const line of coverage.executable) {
    if (line < startLine || line > endLine) continue;
    executable++;
    if (coverage.covered.has(line)) covered++;
  }
  return executable === 0 ? null : covered / executable;
}
