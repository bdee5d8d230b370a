/**
 * The sample a second labeller reads: a seeded random draw of labelled units from chosen splits,
 * stratified by package (each package gives its share of the units, positives and hard negatives
 * in their natural mix). A sampled unit carries where it is and NOT its kinds, so what is shown
 * to the second labeller cannot leak the first labeller's answer.
 */
import { packageKey, type PackageLabels, type Split } from "./label-set";
import { seededRandom, shuffled } from "../support/seeded-random";

/** One sampled unit: where it is, never what it was labelled. */
export interface SampledUnit {
  /** `ecosystem:package:path`, the key the second labeller's notes use. */
  key: string;
  packageKey: string;
  path: string;
  qualname: string;
  line: number;
}

/** How to draw the sample. */
export interface SampleOptions {
  size: number;
  seed: number;
  splits: readonly Split[];
}

/** The key of a unit in a package, as the notes write it. */
export function unitKeyOf(labels: Pick<PackageLabels, "ecosystem" | "package">, entry: { path: string; qualname: string; line: number }): string {
  return `${packageKey(labels)}:${entry.path}#${entry.qualname}:${entry.line}`;
}


/** Each package's share of `size`, proportional to its labelled units (largest remainder, so the shares sum to `size`). */
export function packageShares(counts: readonly number[], size: number): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (Math.min(size, total) * count) / total);
  const shares = exact.map(Math.floor);
  let left = Math.min(size, total) - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}

/** Draws the sample: per package of the chosen splits, its share of units at random (seeded), kinds left behind. */
export function sampleUnits(packages: readonly PackageLabels[], options: SampleOptions): SampledUnit[] {
  const chosen = packages.filter((labels) => options.splits.includes(labels.split)).sort((a, b) => packageKey(a).localeCompare(packageKey(b)));
  const shares = packageShares(
    chosen.map((labels) => labels.entries.length),
    options.size,
  );
  const random = seededRandom(options.seed);
  return chosen.flatMap((labels, index) =>
    shuffled(labels.entries, random)
      .slice(0, shares[index])
      .map((entry) => ({ key: unitKeyOf(labels, entry), packageKey: packageKey(labels), path: entry.path, qualname: entry.qualname, line: entry.line }))
      .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
  );
}
