import type { CodeUnit, ExtractedPattern } from "@/lib/domain";
import { describePattern, detectFramework, namePattern, type FrameworkRole } from "@/lib/extract/naming";
import { splitIdentifier } from "@/lib/words";
import { patternRecurs } from "./pattern-prominence";
import { patternTags } from "./pattern-tags";
import { methodsOf } from "./repo-model";
import type { SelectedCluster } from "./select-clusters";
import { fanInOf, patternQuality, type QualityContext } from "./unit-quality";
import { trivialShape } from "./unit-substance";

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The framework most occurrences belong to (ties broken by name), with the representative's role. */
function patternFramework(context: QualityContext, units: CodeUnit[], representative: CodeUnit): FrameworkRole {
  const counts = new Map<string, number>();
  for (const unit of units) {
    const found = detectFramework(unit, context.model.fileByPath.get(unit.file)).framework;
    if (found) counts.set(found, (counts.get(found) ?? 0) + 1);
  }
  const framework = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  const own = detectFramework(representative, context.model.fileByPath.get(representative.file));
  return { framework, role: own.framework === framework || !own.framework ? own.role : null };
}

/**
 * How sure clustering and naming are: mean shape similarity of the members to the centre,
 * times the naming's footing — the detector's confidence for a kind, 0.9 for a framework
 * role, else 0.6–0.85 by how many informative words the unit's own name gave.
 */
function patternConfidence(selected: SelectedCluster, role: FrameworkRole): number {
  const members = selected.cluster.members;
  const tightness = members.reduce((sum, member) => sum + member.similarity, 0) / members.length;
  const words = splitIdentifier(selected.representative.name).filter((word) => word.length > 2).length;
  const naming = selected.kind ? selected.kind.confidence : role.role ? 0.9 : words >= 2 ? 0.85 : words === 1 ? 0.75 : 0.6;
  return round(tightness * Math.min(1, naming));
}

/** Builds the pattern of a selected cluster: name, description, tags, dependencies, framework, quality, fan-in and whether it recurs. */
export function toPattern(context: QualityContext, selected: SelectedCluster): ExtractedPattern {
  const { representative, kind, cluster } = selected;
  const units = cluster.members.map((member) => member.unit);
  const role = patternFramework(context, units, representative);
  const methods = representative.kind === "class" ? methodsOf(context.model, representative).map((method) => method.name) : [];
  const fanIn = fanInOf(context, units);
  const occurrences = units.map((unit) => ({ file: unit.file, startLine: unit.startLine, endLine: unit.endLine, qualname: unit.qualname, unitId: unit.id }));
  // Asked without the framework exemption selection grants: a model class is still data only.
  const dataOnly = trivialShape(context.model, representative) !== null;
  return {
    key: cluster.centre.fingerprint,
    fingerprint: cluster.centre.fingerprint,
    patternType: selected.patternType,
    kind: kind?.kind ?? null,
    name: namePattern({
      representative,
      kind: kind?.kind ?? null,
      role,
      members: units,
      memberOwners: units.map((unit) => {
        const parent = context.model.parentOf.get(unit.id);
        return parent?.kind === "class" ? parent.name : "";
      }),
      isAsync: units.some((unit) => unit.isAsync),
      files: units.map((unit) => unit.file),
    }),
    description: describePattern({ representative, kind: kind?.kind ?? null, kindConfidence: kind?.confidence ?? null, kindEvidence: kind?.evidence ?? [], role, occurrences: units, methods }),
    language: representative.language,
    framework: role.framework,
    code: representative.code,
    tags: patternTags(units, kind?.kind ?? null, role),
    dependencies: [...new Set(units.flatMap((unit) => unit.importsUsed))].sort(),
    complexity: representative.metrics.cyclomatic,
    confidence: patternConfidence(selected, role),
    evidence: kind?.evidence ?? [],
    quality: patternQuality(context, units, fanIn),
    occurrences,
    callers: fanIn.callers,
    recurring: patternRecurs({ occurrences, callers: fanIn.callers, dataOnly }),
  };
}
