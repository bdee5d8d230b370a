import type { CodeUnit, ExtractedPattern } from "@/lib/domain";
import type { CoverageReport } from "@/lib/quality";
import type { UnitCluster } from "./cluster-units";
import { methodsOf, type RepoModel } from "./repo-model";
import { pickRepresentative, selectCluster, type SelectedCluster } from "./select-clusters";
import { toPattern } from "./to-pattern";
import type { QualityContext } from "./unit-quality";
import { subclassesOf as countSubclasses } from "./unit-substance";

/** A cluster as it came out of a run: selected or not, and its pattern before names were told apart. */
export interface BuiltCluster {
  pattern: ExtractedPattern;
  selected: SelectedCluster;
}

interface Outcome {
  fingerprint: string;
  centre: readonly CodeUnit[];
  members: readonly { unit: CodeUnit; similarity: number }[];
  /** The member shown as the pattern's code (`pickRepresentative`: a function of the members). */
  representative: CodeUnit;
  /** How many classes of the run extend the representative's name (a class that is only an interface may still count). */
  subclasses: number;
  selection: Omit<SelectedCluster, "cluster"> | null;
  built?: { callers: string; coverage: CoverageReport | undefined; pattern: ExtractedPattern };
}

const sameUnits = (left: readonly CodeUnit[], right: readonly CodeUnit[]) => left.length === right.length && left.every((unit, index) => unit === right[index]);
const sameMembers = (left: Readonly<UnitCluster["members"]>, right: Readonly<UnitCluster["members"]>) =>
  left.length === right.length && left.every((member, index) => member.unit === right[index].unit && member.similarity === right[index].similarity);

// Everything of the run outside its members' own files that scoring reads: the units and the
// other files calling each member (and each method of a member class): its fan-in.
function callersKey(context: QualityContext, cluster: UnitCluster): string {
  return cluster.members.map(({ unit }) => {
    const scored = unit.kind === "class" ? [unit, ...methodsOf(context.model, unit)] : [unit];
    return scored.map((member) => {
      const callers = context.callers.get(member.id);
      return callers ? `${[...callers.units].join("\u0001")}\u0004${[...callers.files].join("\u0001")}` : "";
    }).join("\u0002");
  }).join("\u0003");
}

function selectionOf(selected: SelectedCluster | null): Omit<SelectedCluster, "cluster"> | null {
  if (!selected) return null;
  const { cluster: _cluster, ...selection } = selected;
  return selection;
}

/**
 * The selection and pattern of each cluster as the last run over the same unit objects made
 * them, kept by the cluster's first unit. A cluster's outcome reads its members (shared,
 * never changed, objects: their files, classes and methods with them), their similarities,
 * how many classes extend its representative, the units and other files calling its members
 * and the coverage report; when all are as before, the outcome is the one computed before.
 */
export class ClusterOutcomes {
  private readonly byFirstUnit = new WeakMap<CodeUnit, Outcome>();

  /** `selectCluster` then `toPattern`, or what the last run with the same inputs gave. */
  build(context: QualityContext & { coverageReport?: CoverageReport }, cluster: UnitCluster): BuiltCluster | null {
    const subclassesOf = (representative: CodeUnit) => (representative.kind === "class" ? countSubclasses(context.model, representative.name) : 0);
    const first = cluster.members[0].unit;
    let outcome = this.byFirstUnit.get(first);
    const same = outcome !== undefined && outcome.fingerprint === cluster.centre.fingerprint && sameUnits(outcome.centre, cluster.centre.units) && sameMembers(outcome.members, cluster.members);
    // Same members, same representative: only the count of its subclasses is left to compare.
    if (!outcome || !same || outcome.subclasses !== subclassesOf(outcome.representative)) {
      const representative = pickRepresentative(cluster);
      outcome = {
        fingerprint: cluster.centre.fingerprint, centre: cluster.centre.units, members: cluster.members, representative,
        subclasses: subclassesOf(representative), selection: selectionOf(selectCluster(context.model, cluster)),
      };
      this.byFirstUnit.set(first, outcome);
    }
    if (!outcome.selection) return null;
    const selected: SelectedCluster = { ...outcome.selection, cluster };
    const callers = callersKey(context, cluster);
    if (!outcome.built || outcome.built.callers !== callers || outcome.built.coverage !== context.coverageReport) {
      outcome.built = { callers, coverage: context.coverageReport, pattern: toPattern(context, selected) };
    }
    // A copy: the run tells names apart on its own patterns.
    return { pattern: { ...outcome.built.pattern }, selected };
  }
}

/** Builds each cluster afresh (a one-off run). */
export function buildCluster(context: QualityContext, model: RepoModel, cluster: UnitCluster): BuiltCluster | null {
  const selected = selectCluster(model, cluster);
  return selected && { pattern: toPattern(context, selected), selected };
}
