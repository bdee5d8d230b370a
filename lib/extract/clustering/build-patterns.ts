import type { ExtractedPattern, FileExtraction, PatternMatch, PatternRelationship } from "@/lib/domain";
import { disambiguateNames } from "@/lib/extract/naming";
import { createCoverageLookup, type CoverageReport } from "@/lib/quality";
import { buildRelationships, type PatternRecord } from "./build-relationships";
import { buildCluster, type BuiltCluster } from "./cluster-outcomes";
import { clusterUnits } from "./cluster-units";
import type { ClusteringMemory } from "./clustering-memory";
import { collectReferencesIncrementally } from "./collect-references-incrementally";
import { callersByUnit, collectReferences } from "./collect-references";
import { buildRepoModel, type RepoModel } from "./repo-model";
import { applyUsageKinds, repositoryUsageKinds } from "@/lib/extract/usage";

/** What clustering receives: every extracted file, and a coverage report when one was given. */
export interface BuildPatternsInput {
  files: FileExtraction[];
  coverage?: CoverageReport;
  /** Kept from the last run over the same repository (a long-running process): only what changed is computed again. */
  memory?: ClusteringMemory;
}

export interface BuildPatternsResult {
  /** The kinds the repository-level usage stage added, per unit id (`applyUsageKinds` gives the units with them). */
  usageKinds: Map<string, PatternMatch[]>;
  patterns: ExtractedPattern[];
  relationships: PatternRelationship[];
}

/** Patterns that share a name get a qualifier from their class, calls or domain (see `disambiguateNames`). */
function disambiguate(model: RepoModel, built: BuiltCluster[]): void {
  const entries = built.map(({ pattern, selected }) => ({
    key: pattern.key,
    name: pattern.name,
    representative: selected.representative,
    owner: model.parentOf.get(selected.representative.id),
    pattern,
  }));
  disambiguateNames(entries);
  for (const entry of entries) entry.pattern.name = entry.name;
}

/**
 * Turns extracted units into patterns and their relationships: clusters units by
 * fingerprint and near-duplicate shape, keeps the clusters the selection rule admits,
 * names, describes, tags and scores each, and links them (USES, EXTENDS, COMPOSED_OF,
 * SIMILAR_TO). Before clustering, the repository-level usage stage adds the kinds that how a
 * unit is used across files shows (`repositoryUsageKinds`). The output depends only on the set of inputs, never on their order, and
 * not on whether a `memory` of earlier runs was given.
 */
export function buildPatterns(input: BuildPatternsInput): BuildPatternsResult {
  const { memory } = input;
  const extracted = buildRepoModel(input.files);
  const references = memory ? collectReferencesIncrementally(extracted, memory.references) : collectReferences(extracted);
  // How each unit is used elsewhere can add a kind its own file does not show (`lib/extract/usage`).
  const usageKinds = repositoryUsageKinds(extracted, references);
  const files = applyUsageKinds(extracted.files, usageKinds);
  const model = files.every((file, index) => file === extracted.files[index]) ? extracted : buildRepoModel(files);
  const context = { model, callers: callersByUnit(references), coverage: input.coverage ? createCoverageLookup(input.coverage) : undefined, coverageReport: input.coverage };
  const built = clusterUnits(model.units, memory?.similarities)
    .map((cluster) => (memory ? memory.outcomes.build(context, cluster) : buildCluster(context, model, cluster)))
    .filter((entry): entry is BuiltCluster => entry !== null);
  disambiguate(model, built);
  built.sort((a, b) => b.pattern.occurrences.length - a.pattern.occurrences.length || (a.pattern.key < b.pattern.key ? -1 : 1));
  const records: PatternRecord[] = built.map(({ pattern, selected }) => ({ key: pattern.key, units: selected.cluster.members.map((member) => member.unit), centre: selected.cluster.centre }));
  return { usageKinds, patterns: built.map((entry) => entry.pattern), relationships: buildRelationships(model, records, references, memory?.similarities) };
}
