import { XMLParser } from "fast-xml-parser";
import { MotifError } from "@/lib/errors";
import { fileCoverageFor, recordLine, type CoverageReport } from "./coverage-report";

interface CoberturaLine {
  number?: string;
  hits?: string;
}
interface CoberturaClass {
  filename?: string;
  lines?: { line?: CoberturaLine[] };
}

const repeated = new Set(["source", "package", "class", "line"]);

/**
 * Parses a Cobertura XML report (coverage.py `coverage xml`, istanbul `cobertura`, JaCoCo
 * converters). Each `<class filename>` contributes its `<lines><line number hits>`; a file
 * split over several classes is merged. `<sources>` are joined to the file names so the
 * suffix matching in `lineCoverageOf` can work with either spelling.
 */
export function parseCobertura(text: string): CoverageReport {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => repeated.has(name) });
  let document: { coverage?: { sources?: { source?: unknown[] }; packages?: { package?: { classes?: { class?: CoberturaClass[] } }[] } } };
  try {
    document = parser.parse(text);
  } catch (error) {
    throw new MotifError("bad_request:input", `Cobertura report is not valid XML: ${(error as Error).message}`);
  }
  if (!document.coverage) throw new MotifError("bad_request:input", "Cobertura report has no <coverage> root");
  const source = String(document.coverage.sources?.source?.find((entry) => typeof entry === "string") ?? "");
  const report: CoverageReport = { format: "cobertura", files: new Map() };
  for (const pkg of document.coverage.packages?.package ?? []) {
    for (const cls of pkg.classes?.class ?? []) {
      if (!cls.filename) continue;
      const path = source && !cls.filename.startsWith("/") ? `${source.replace(/[\\/]+$/, "")}/${cls.filename}` : cls.filename;
      const coverage = fileCoverageFor(report.files, path);
      for (const line of cls.lines?.line ?? []) recordLine(coverage, Number(line.number), Number(line.hits));
    }
  }
  return report;
}
