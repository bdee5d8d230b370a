import type { CodeUnit, FileExtraction } from "@/lib/domain";
import { extractFileOutcomes } from "@/lib/extract";
import { usageRulesShipped, withRepositoryUsage, type UsageRule } from "@/lib/extract/usage";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import type { PackageLabels } from "./label-set";
import { packageFiles, type TestFiles } from "./package-files";

/** How a package is extracted for scoring. */
export interface PackageUnitsOptions {
  /** Run the repository-level usage stage over the package's files (the product does). Default true. */
  usage?: boolean;
  /** Worker threads (1: this thread). */
  jobs?: number;
  /** Which tests and examples are extracted with the package (default: those it ships). */
  tests?: TestFiles;
  /** The usage rules to run instead of the shipped ones (candidates being measured). */
  rules?: readonly UsageRule[];
}

/**
 * Extracts a package's files (its labelled files and the rest of its folder, see
 * `packageFiles`) as the product does, runs the repository-level usage stage over all of them,
 * and returns the units per absolute path.
 */
export async function packageUnits(labels: PackageLabels, options: PackageUnitsOptions = {}): Promise<Map<string, CodeUnit[]>> {
  const files = packageFiles(labels, options.tests).flatMap(({ path, file }) => {
    const language = detectLanguage(file);
    return language ? [{ path, file, language }] : [];
  });
  // Module-level statements feed the usage facts; kept when a usage rule (shipped or measured) runs.
  const moduleStatements = options.usage !== false && (options.rules ?? usageRulesShipped).length > 0;
  const { outcomes } = await extractFileOutcomes({ files, jobs: options.jobs ?? 2, moduleStatements });
  const extracted = outcomes.flatMap((outcome): FileExtraction[] => (outcome.status === "extracted" ? [outcome.extraction] : []));
  const used = options.usage === false ? extracted : options.rules ? withRepositoryUsage(extracted, options.rules) : withRepositoryUsage(extracted);
  const absolute = new Map(files.map(({ path, file }) => [file, path]));
  return new Map(used.map((extraction) => [absolute.get(extraction.file)!, extraction.units]));
}
