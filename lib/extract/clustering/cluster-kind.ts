import { designPatternKinds, type DesignPatternKind } from "@/lib/domain";
import type { UnitCluster } from "./cluster-units";

/** A cluster's design-pattern kind needs this mean detector confidence over all its members. */
export const kindThreshold = 0.4;

/** The kind a cluster implements, voted by its members' detector calls. */
export interface ClusterKind {
  kind: DesignPatternKind;
  /** Mean detector confidence over all members (a member without the call counts 0). */
  confidence: number;
  evidence: string[];
}

/** Sums detector confidence per kind over the members; the best kind wins if its mean reaches the threshold. */
export function clusterKind(cluster: UnitCluster): ClusterKind | null {
  const totals = new Map<DesignPatternKind, number>();
  for (const { unit } of cluster.members) {
    for (const match of unit.patterns) totals.set(match.kind, (totals.get(match.kind) ?? 0) + match.confidence);
  }
  let best: DesignPatternKind | undefined;
  for (const kind of designPatternKinds) {
    if ((totals.get(kind) ?? 0) > (best ? totals.get(best)! : 0)) best = kind;
  }
  if (!best) return null;
  const confidence = totals.get(best)! / cluster.members.length;
  if (confidence < kindThreshold) return null;
  const matched = cluster.members.filter(({ unit }) => unit.patterns.some((match) => match.kind === best));
  const strongest = matched
    .map(({ unit }) => ({ unit, match: unit.patterns.find((match) => match.kind === best)! }))
    .sort((a, b) => b.match.confidence - a.match.confidence)[0];
  const evidence = strongest.match.evidence.map((reason) => `${reason} (${strongest.unit.qualname} at ${strongest.unit.file}:${strongest.unit.startLine})`);
  if (matched.length > 1) evidence.push(`detected in ${matched.length} of ${cluster.members.length} occurrences`);
  return { kind: best, confidence, evidence };
}
