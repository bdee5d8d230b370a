import type { CodeUnit, FileExtraction, Language } from "@/lib/domain";
import { assembleResult } from "@/lib/extract";
import { extractFile } from "@/lib/extract/extract-file";
import { withRepositoryUsage, type UsageRule } from "@/lib/extract/usage";

function languageOf(file: string): Language {
  return file.endsWith(".py") ? "python" : file.endsWith(".ts") ? "typescript" : "javascript";
}

/** Extracts several source files, as one repository, with the real extractor. */
export async function extractRepository(files: Record<string, string>): Promise<FileExtraction[]> {
  // Module-level statements kept: the usage rules measured here read calls through module-level instances.
  return Promise.all(Object.entries(files).map(([file, source]) => extractFile({ file, source, language: languageOf(file), moduleStatements: true })));
}

/** The units of a repository after the whole pipeline (per-file detectors, then the repository-level stage). */
export async function unitsAfterPipeline(files: Record<string, string>): Promise<CodeUnit[]> {
  const extractions = await extractRepository(files);
  return assembleResult({ extractions, failures: [], jobs: 1, elapsedMs: () => 0 }).units;
}

/** The units of a repository with the given usage rules run over it (rules tried but not shipped included). */
export async function unitsWithRules(files: Record<string, string>, rules: readonly UsageRule[]): Promise<CodeUnit[]> {
  return withRepositoryUsage(await extractRepository(files), rules).flatMap((file) => file.units);
}

/** The kinds of the unit with a qualname in a file; a missing unit fails naming the ones there are. */
export function kindsIn(units: CodeUnit[], file: string, qualname: string): string[] {
  const unit = units.find((candidate) => candidate.file === file && candidate.qualname === qualname);
  if (!unit) throw new Error(`no unit ${qualname} in ${file}: ${units.map((candidate) => `${candidate.file}:${candidate.qualname}`).join(", ")}`);
  return unit.patterns.map((match) => match.kind).sort();
}

/** The evidence of one kind of a unit, joined. */
export function evidenceIn(units: CodeUnit[], file: string, qualname: string, kind: string): string {
  const unit = units.find((candidate) => candidate.file === file && candidate.qualname === qualname)!;
  return unit.patterns.filter((match) => match.kind === kind).flatMap((match) => match.evidence).join(" | ");
}
