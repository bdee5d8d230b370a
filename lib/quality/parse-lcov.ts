import { MotifError } from "@/lib/errors";
import { fileCoverageFor, recordLine, type CoverageReport } from "./coverage-report";

/**
 * Parses an lcov tracefile (`SF:` opens a file record, `DA:<line>,<hits>` gives one line,
 * `end_of_record` closes it). Function and branch records do not change line coverage.
 */
export function parseLcov(text: string): CoverageReport {
  const report: CoverageReport = { format: "lcov", files: new Map() };
  let current: ReturnType<typeof fileCoverageFor> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith("SF:")) current = fileCoverageFor(report.files, line.slice(3));
    else if (line === "end_of_record") current = undefined;
    else if (line.startsWith("DA:") && current) {
      const [lineNumber, hits] = line.slice(3).split(",");
      recordLine(current, Number(lineNumber), Number(hits));
    }
  }
  if (report.files.size === 0) throw new MotifError("bad_request:input", "lcov report has no SF: records");
  return report;
}
