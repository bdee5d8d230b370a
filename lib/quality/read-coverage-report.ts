import { readFile } from "node:fs/promises";
import { MotifError } from "@/lib/errors";
import type { CoverageFormat, CoverageReport } from "./coverage-report";
import { parseCoverageReport } from "./parse-coverage-report";

/** Reads and parses a coverage report file (the one I/O edge of quality scoring). */
export async function readCoverageReport(path: string, format?: CoverageFormat): Promise<CoverageReport> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new MotifError("bad_request:input", `cannot read coverage report ${path}: ${(error as Error).message}`);
  }
  return parseCoverageReport(text, format);
}
