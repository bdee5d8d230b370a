import { MotifError } from "@/lib/errors";
import type { CoverageFormat, CoverageReport } from "./coverage-report";
import { parseCobertura } from "./parse-cobertura";
import { parseCoveragePyJson } from "./parse-coverage-py-json";
import { parseLcov } from "./parse-lcov";

/** Guesses the format from the first non-blank character: `<` XML, `{` JSON, otherwise lcov records. */
export function detectCoverageFormat(text: string): CoverageFormat {
  const start = text.trimStart();
  if (start.startsWith("<")) return "cobertura";
  if (start.startsWith("{")) return "coverage.py";
  if (/^(TN:|SF:)/m.test(start)) return "lcov";
  throw new MotifError("bad_request:input", "coverage report is neither lcov, coverage.py JSON nor Cobertura XML");
}

/** Parses an lcov, coverage.py JSON or Cobertura XML report into per-file covered line sets. */
export function parseCoverageReport(text: string, format: CoverageFormat = detectCoverageFormat(text)): CoverageReport {
  if (format === "lcov") return parseLcov(text);
  if (format === "coverage.py") return parseCoveragePyJson(text);
  return parseCobertura(text);
}
