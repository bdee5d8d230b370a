import { readFileSync } from "node:fs";
import path from "node:path";
import type { FileExtraction } from "@/lib/domain";
import { extractFile } from "@/lib/extract/extract-file";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import { packageRoot, type PackageLabels } from "./label-set";

/** One labelled file of a package, extracted: its units and its labels' kinds by `qualname:line`. */
export interface LabelledFileUnits {
  relative: string;
  units: FileExtraction["units"];
  labelled: Map<string, string[]>;
}

/** The key a label and an extracted unit share: `qualname:line`. */
export const unitKey = (qualname: string, line: number) => `${qualname}:${line}`;

/** Extracts every file a package's labels name (files of an unknown language or not readable are skipped). */
export async function* labelledFileUnits(labels: PackageLabels): AsyncGenerator<LabelledFileUnits> {
  const byFile = new Map<string, Map<string, string[]>>();
  for (const entry of labels.entries) {
    const labelled = byFile.get(entry.path) ?? new Map<string, string[]>();
    labelled.set(unitKey(entry.qualname, entry.line), entry.kinds);
    byFile.set(entry.path, labelled);
  }
  for (const [relative, labelled] of byFile) {
    const file = path.join(packageRoot(labels), relative);
    const language = detectLanguage(file);
    if (!language) continue;
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const { units } = await extractFile({ file, source, language });
    yield { relative, units, labelled };
  }
}
