import type { ExtractedPattern, FileExtraction, PatternRelationship } from "@/lib/domain";
import { disambiguateNames } from "@/lib/extract/naming";
import { createCoverageLookup, type CoverageReport } from "@/lib/quality";
import { buildRelationships, type PatternRecord } from "./build-relationships";
import { clusterUnits } from "./cluster-units";
import { callersByUnit, collectReferences } from "./collect-references";
import { buildRepoModel, type RepoModel } from "./repo-model";
import { selectCluster, type SelectedCluster } from "./select-clusters";
import { toPattern } from "./to-pattern";

/** What clustering receives: every extracted file, and a coverage report when one was given. */
export interface BuildPatternsInput {
  files: FileExtraction[];
  coverage?: CoverageReport;
}

export interface BuildPatternsResult {
  patterns: ExtractedPattern[];
  relationships: PatternRelationship[];
}

/** Patterns that share a name get a qualifier from their class, calls or domain (see `disambiguateNames`). */
function disambiguate(model: RepoModel, built: { pattern: ExtractedPattern; selected: SelectedCluster }[]): void {
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
 * SIMILAR_TO). The output depends only on the set of inputs, never on their order.
 */
export function buildPatterns(input: BuildPatternsInput): BuildPatternsResult {
  const model = buildRepoModel(input.files);
  const references = collectReferences(model);
  const context = { model, callers: callersByUnit(references), coverage: input.coverage ? createCoverageLookup(input.coverage) : undefined };
  const built = clusterUnits(model.units)
    .map((cluster) => selectCluster(model, cluster))
    .filter((selected): selected is SelectedCluster => selected !== null)
    .map((selected) => ({ pattern: toPattern(context, selected), selected }));
  disambiguate(model, built);
  built.sort((a, b) => b.pattern.occurrences.length - a.pattern.occurrences.length || (a.pattern.key < b.pattern.key ? -1 : 1));
  const records: PatternRecord[] = built.map(({ pattern, selected }) => ({ key: pattern.key, units: selected.cluster.members.map((member) => member.unit), centre: selected.cluster.centre }));
  return { patterns: built.map((entry) => entry.pattern), relationships: buildRelationships(model, records, references) };
}
