import type { CodeUnit, FileExtraction, PatternMatch } from "@/lib/domain";

// The same unit given the same added kinds is the same copy from run to run, so what later
// stages memoise per unit object (shape facts, cluster outcomes) stays found.
const unitCopies = new WeakMap<CodeUnit, { key: string; copy: CodeUnit }>();
const fileCopies = new WeakMap<FileExtraction, { units: readonly CodeUnit[]; copy: FileExtraction }>();

function unitWith(unit: CodeUnit, added: PatternMatch[]): CodeUnit {
  const key = JSON.stringify(added);
  const kept = unitCopies.get(unit);
  if (kept?.key === key) return kept.copy;
  const copy = { ...unit, patterns: [...unit.patterns, ...added] };
  unitCopies.set(unit, { key, copy });
  return copy;
}

function fileWith(file: FileExtraction, units: CodeUnit[]): FileExtraction {
  const kept = fileCopies.get(file);
  if (kept && kept.units.length === units.length && kept.units.every((unit, index) => unit === units[index])) return kept.copy;
  const copy = { ...file, units };
  fileCopies.set(file, { units, copy });
  return copy;
}

/**
 * The files with the kinds usage added to their units: a file or unit nothing was added to is
 * the same object; the others are copies (extractions are shared and never changed).
 */
export function applyUsageKinds(files: readonly FileExtraction[], added: Map<string, PatternMatch[]>): FileExtraction[] {
  if (added.size === 0) return [...files];
  return files.map((file) => {
    if (!file.units.some((unit) => added.has(unit.id))) return file;
    return fileWith(file, file.units.map((unit) => (added.has(unit.id) ? unitWith(unit, added.get(unit.id)!) : unit)));
  });
}
