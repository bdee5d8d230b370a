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

/** Runs the product's extraction (with its detectors) on each labelled file and compares. */
export async function scoreLabels(labels: LocatedLabel[]): Promise<Score> {
  const score: Score = { counts: emptyCounts(), evaluated: 0, missing: [], differences: [] };
  for (const label of labels) {
    if (!existsSync(label.file)) {
      score.missing.push(`${label.origin} (file not on this machine)`);
      continue;
    }
    const unit = findUnit(await unitsOf(label.file), label);
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
    const wrong = [...detected].filter((kind) => !expected.has(kind)).map((kind) => `+${kind}`).concat([...expected].filter((kind) => !detected.has(kind)).map((kind) => `-${kind}`));
    if (wrong.length) score.differences.push(`${wrong.join(" ")}  ${label.origin} ${label.qualname}:${unit.startLine}`);
  }
  return score;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? "  n/a" : (part / whole).toFixed(2).padStart(5);
}

/** The per-kind table with the micro-averaged overall row, as printed lines. */
export function formatScore(score: Score, title: string): string[] {
  const lines = [`${title}: ${score.evaluated} labelled units evaluated`, `${"kind".padEnd(24)}   tp   fp   fn  precision  recall`];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [kind, count] of score.counts) {
    tp += count.tp;
    fp += count.fp;
    fn += count.fn;
    const row = [count.tp, count.fp, count.fn].map((value) => String(value).padStart(4)).join(" ");
    lines.push(`${kind.padEnd(24)} ${row}      ${ratio(count.tp, count.tp + count.fp)}   ${ratio(count.tp, count.tp + count.fn)}`);
  }
  const row = [tp, fp, fn].map((value) => String(value).padStart(4)).join(" ");
  lines.push(`${"overall (micro)".padEnd(24)} ${row}      ${ratio(tp, tp + fp)}   ${ratio(tp, tp + fn)}`);
  return lines;
}
