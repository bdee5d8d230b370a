/** Which tool wrote a coverage report. */
export type CoverageFormat = "lcov" | "coverage.py" | "cobertura";

/** Line coverage of one file: the executable lines the tool knows and those that ran. */
export interface FileLineCoverage {
  executable: Set<number>;
  covered: Set<number>;
}

/** A parsed coverage report: per-file line sets, keyed by the path as the report spells it (forward slashes). */
export interface CoverageReport {
  format: CoverageFormat;
  files: Map<string, FileLineCoverage>;
}

/** Adds one line's hit count to a file's line sets (a line seen twice is covered if any record ran it). */
export function recordLine(coverage: FileLineCoverage, line: number, hits: number): void {
  if (!Number.isInteger(line) || line < 1) return;
  coverage.executable.add(line);
  if (hits > 0) coverage.covered.add(line);
}

/** The line sets of `path` in `files`, created empty on first use. */
export function fileCoverageFor(files: Map<string, FileLineCoverage>, path: string): FileLineCoverage {
  const key = path.replace(/\\/g, "/");
  let coverage = files.get(key);
  if (!coverage) {
    coverage = { executable: new Set(), covered: new Set() };
    files.set(key, coverage);
  }
  return coverage;
}
