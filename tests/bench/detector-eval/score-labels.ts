/**
 * Scores Motif's design-pattern detectors against labelled units: per kind, true positives
 * (the unit is labelled with the kind and a detector reports it), false positives (reported,
 * not labelled) and false negatives (labelled, not reported).
 */
import { existsSync, readFileSync } from "node:fs";
import { extractFile } from "@/lib/extract/extract-file";
import { designPatternKinds, type CodeUnit, type DesignPatternKind } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";

/** One labelled unit, located on this machine. */
export interface LocatedLabel {
  /** The file on this machine. */
  file: string;
  qualname: string;
  /** The unit's first line when known (tells apart units sharing a qualname). */
  line?: number;
  kinds: DesignPatternKind[];
  /** A hard negative's look-alike kinds. */
  looksLike?: DesignPatternKind[];
  /** Where it came from, for the report (package and path). */
  origin: string;
}

/** Counts for one kind. */
export interface KindCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** What scoring a set of labels gave. */
export interface Score {
  counts: Map<DesignPatternKind, KindCounts>;
  evaluated: number;
  /** Labels whose file or unit was not found, with the reason. */
  missing: string[];
  /** One line per unit where detection and label differ: `+kind` reported only, `-kind` labelled only. */
  differences: string[];
  /** Hard negatives evaluated, and how many of them were reported as a kind they only look like. */
  hardNegatives: { evaluated: number; fooled: number };
}

const extracted = new Map<string, Promise<CodeUnit[]>>();

function unitsOf(file: string): Promise<CodeUnit[]> {
  let units = extracted.get(file);
  if (!units) {
    const language = detectLanguage(file);
    if (!language) throw new Error(`${file}: not a parsed language`);
    units = extractFile({ file, source: readFileSync(file, "utf8"), language }).then((extraction) => extraction.units);
    extracted.set(file, units);
  }
  return units;
}

function findUnit(units: CodeUnit[], label: LocatedLabel): CodeUnit | undefined {
  const named = units.filter((unit) => unit.qualname === label.qualname);
  if (label.line !== undefined) return named.find((unit) => unit.startLine === label.line) ?? (named.length === 1 ? named[0] : undefined);
  return named[0];
}

/** An empty count per kind. */
export function emptyCounts(): Map<DesignPatternKind, KindCounts> {
  return new Map(designPatternKinds.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }]));
}

/** Units already extracted, per absolute path (a package extracted whole, with the repository-level stage). */
export type ExtractedUnits = ReadonlyMap<string, CodeUnit[]>;

/**
 * Runs the product's extraction (with its detectors) on each labelled file and compares; a file
 * in `extractedUnits` is taken from there (its package extracted whole), any other is extracted alone.
 */
export async function scoreLabels(labels: LocatedLabel[], extractedUnits?: ExtractedUnits): Promise<Score> {
  const score: Score = { counts: emptyCounts(), evaluated: 0, missing: [], differences: [], hardNegatives: { evaluated: 0, fooled: 0 } };
  for (const label of labels) {
    if (!existsSync(label.file)) {
      score.missing.push(`${label.origin} (file not on this machine)`);
      continue;
    }
    const unit = findUnit(extractedUnits?.get(label.file) ?? (await unitsOf(label.file)), label);
    if (!unit) {
      score.missing.push(`${label.origin} ${label.qualname} (unit not found)`);
      continue;
    }
    score.evaluated++;
    const detected = new Set(unit.patterns.map((match) => match.kind));
    const expected = new Set(label.kinds);
    for (const kind of designPatternKinds) {
      const count = score.counts.get(kind)!;
      if (detected.has(kind) && expected.has(kind)) count.tp++;
      else if (detected.has(kind)) count.fp++;
      else if (expected.has(kind)) count.fn++;
    }
    if (label.looksLike) {
      score.hardNegatives.evaluated++;
      if (label.looksLike.some((kind) => detected.has(kind))) score.hardNegatives.fooled++;
    }
    const wrong = [...detected].filter((kind) => !expected.has(kind)).map((kind) => `+${kind}`).concat([...expected].filter((kind) => !detected.has(kind)).map((kind) => `-${kind}`));
    if (wrong.length) score.differences.push(`${wrong.join(" ")}  ${label.origin} ${label.qualname}:${unit.startLine}`);
  }
  return score;
}

/** The counts summed over every kind (micro-average). */
export function overallCounts(score: Score): KindCounts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const count of score.counts.values()) {
    total.tp += count.tp;
    total.fp += count.fp;
    total.fn += count.fn;
  }
  return total;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? "  n/a" : (part / whole).toFixed(2).padStart(5);
}

// The mean over the kinds that have a figure (a kind never reported has no precision).
function macro(score: Score, measure: "precision" | "recall"): string {
  const values = [...score.counts.values()]
    .map((count) => (measure === "precision" ? [count.tp, count.tp + count.fp] : [count.tp, count.tp + count.fn]))
    .filter(([, whole]) => whole! > 0)
    .map(([part, whole]) => part! / whole!);
  return values.length === 0 ? "  n/a" : (values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(2).padStart(5);
}

/** The per-kind table with the micro- and macro-averaged overall rows, as printed lines. */
export function formatScore(score: Score, title: string): string[] {
  const lines = [`${title}: ${score.evaluated} labelled units evaluated`, `${"kind".padEnd(24)}   tp   fp   fn  precision  recall`];
  for (const [kind, count] of score.counts) {
    const row = [count.tp, count.fp, count.fn].map((value) => String(value).padStart(4)).join(" ");
    lines.push(`${kind.padEnd(24)} ${row}      ${ratio(count.tp, count.tp + count.fp)}   ${ratio(count.tp, count.tp + count.fn)}`);
  }
  const { tp, fp, fn } = overallCounts(score);
  const row = [tp, fp, fn].map((value) => String(value).padStart(4)).join(" ");
  lines.push(`${"overall (micro)".padEnd(24)} ${row}      ${ratio(tp, tp + fp)}   ${ratio(tp, tp + fn)}`);
  lines.push(`${"overall (macro)".padEnd(24)} ${" ".repeat(14)}      ${macro(score, "precision")}   ${macro(score, "recall")}`);
  const { evaluated, fooled } = score.hardNegatives;
  if (evaluated) lines.push(`hard negatives reported as the kind they look like: ${fooled} of ${evaluated}`);
  return lines;
}
