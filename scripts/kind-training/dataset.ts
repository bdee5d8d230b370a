/**
 * The kind classifier's examples: every labelled unit of the development set
 * (tests/fixtures/labels/dev-set) with its features, and a sample of the unlabelled units of
 * the same files as background (most code is no design pattern; without them the model
 * would learn the labelled set's base rate, where nearly every unit is some kind).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DesignPatternKind } from "@/lib/domain";
import { detectLanguage, kindFeaturesOfFile, type KindFeaturesInput, type UnitFeatures, type UnitKindFeatures } from "@/lib/extract";
import { packageRoot, type PackageLabels, type Split } from "../../tests/bench/detector-eval/label-set";

/** One unit the classifier learns from or is scored on. */
export interface Example {
  package: string;
  split: Split;
  /** false: an unlabelled unit of a labelled file (background; a weak negative for every kind). */
  labelled: boolean;
  kinds: ReadonlySet<DesignPatternKind>;
  heuristic: ReadonlySet<DesignPatternKind>;
  features: UnitFeatures;
  origin: string;
}

/** Background units kept per package at most (chosen by a hash of their place, so the same every run). */
const backgroundPerPackage = 60;

function stableOrder(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

async function unitsOfFile(file: string, moreFeatures: KindFeaturesInput["moreFeatures"]): Promise<UnitKindFeatures[]> {
  const language = detectLanguage(file);
  if (!language || !existsSync(file)) return [];
  return kindFeaturesOfFile({ file, source: readFileSync(file, "utf8"), language, moreFeatures });
}

/**
 * The examples of one package: its labelled units, and background from the same files.
 * `moreFeatures` adds a trial feature family read from each unit's syntax node.
 */
export async function packageExamples(labels: PackageLabels, missing: string[], moreFeatures?: KindFeaturesInput["moreFeatures"]): Promise<Example[]> {
  const root = packageRoot(labels);
  const files = [...new Set(labels.entries.map((entry) => entry.path))].sort();
  const examples: Example[] = [];
  const background: Example[] = [];
  for (const relative of files) {
    const units = await unitsOfFile(path.join(root, relative), moreFeatures);
    const used = new Set<UnitKindFeatures>();
    for (const entry of labels.entries.filter((candidate) => candidate.path === relative)) {
      const named = units.filter((unit) => unit.qualname === entry.qualname);
      const unit = named.find((candidate) => candidate.startLine === entry.line) ?? (named.length === 1 ? named[0] : undefined);
      if (!unit) {
        missing.push(`${labels.package} ${relative} ${entry.qualname}`);
        continue;
      }
      used.add(unit);
      examples.push(example(labels, unit, true, entry.kinds, `${relative} ${entry.qualname}:${unit.startLine}`));
    }
    for (const unit of units) if (!used.has(unit)) background.push(example(labels, unit, false, [], `${relative} ${unit.qualname}:${unit.startLine}`));
  }
  background.sort((a, b) => stableOrder(a.origin).localeCompare(stableOrder(b.origin)));
  return [...examples, ...background.slice(0, backgroundPerPackage)];
}

function example(labels: PackageLabels, unit: UnitKindFeatures, labelled: boolean, kinds: DesignPatternKind[], origin: string): Example {
  return { package: `${labels.ecosystem}:${labels.package}`, split: labels.split, labelled, kinds: new Set(kinds), heuristic: new Set(unit.heuristicKinds), features: unit.features, origin: `${labels.package} ${origin}` };
}
