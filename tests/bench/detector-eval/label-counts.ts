/**
 * What the development set holds, without running any detector: per split and kind, the
 * labelled positives and how many packages they come from, and the deliberate negatives.
 */
import { designPatternKinds } from "@/lib/domain";
import { splits, type PackageLabels } from "./label-set";

/** Printable tables of the set's contents (packages with versions, then counts per kind). */
export function formatLabelCounts(packages: PackageLabels[]): string[] {
  const lines: string[] = [];
  for (const split of splits) {
    const inSplit = packages.filter((labels) => labels.split === split);
    const units = inSplit.reduce((sum, labels) => sum + labels.entries.length, 0);
    lines.push(`${split}: ${inSplit.length} packages, ${units} units: ${inSplit.map((labels) => `${labels.package} ${labels.version} (${labels.ecosystem})`).join(", ")}`);
  }
  const header = `${"kind".padEnd(24)} ${["all", ...splits].map((name) => name.padStart(16)).join("")}`;
  lines.push("", "positives (packages)", header);
  const cell = (chosen: PackageLabels[], test: (kinds: string[]) => boolean): string => {
    const hits = chosen.map((labels) => labels.entries.filter((entry) => test(entry.kinds)).length);
    return `${hits.reduce((sum, count) => sum + count, 0)} (${hits.filter((count) => count > 0).length})`.padStart(16);
  };
  const bySplit = [packages, ...splits.map((split) => packages.filter((labels) => labels.split === split))];
  for (const kind of designPatternKinds) lines.push(`${kind.padEnd(24)} ${bySplit.map((chosen) => cell(chosen, (kinds) => kinds.includes(kind))).join("")}`);
  lines.push(`${"negatives (no kind)".padEnd(24)} ${bySplit.map((chosen) => cell(chosen, (kinds) => kinds.length === 0)).join("")}`);
  lines.push(`${"units".padEnd(24)} ${bySplit.map((chosen) => cell(chosen, () => true)).join("")}`);
  return lines;
}
