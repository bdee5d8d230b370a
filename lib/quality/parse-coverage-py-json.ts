import { z } from "zod";
import { MotifError } from "@/lib/errors";
import { fileCoverageFor, recordLine, type CoverageReport } from "./coverage-report";

const coveragePyJson = z.object({
  files: z.record(
    z.string(),
    z.object({
      executed_lines: z.array(z.number().int()),
      missing_lines: z.array(z.number().int()),
    }),
  ),
});

/** Parses `coverage json` output: `files[path].executed_lines` ran, `missing_lines` did not. */
export function parseCoveragePyJson(text: string): CoverageReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MotifError("bad_request:input", `coverage.py report is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = coveragePyJson.safeParse(data);
  if (!parsed.success) {
    throw new MotifError("bad_request:input", "coverage.py report lacks files[path].executed_lines/missing_lines");
  }
  const report: CoverageReport = { format: "coverage.py", files: new Map() };
  for (const [path, lines] of Object.entries(parsed.data.files)) {
    const coverage = fileCoverageFor(report.files, path);
    for (const line of lines.executed_lines) recordLine(coverage, line, 1);
    for (const line of lines.missing_lines) recordLine(coverage, line, 0);
  }
  return report;
}
