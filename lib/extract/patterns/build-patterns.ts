import type { ExtractedPattern, FileExtraction, PatternRelationship } from "@/lib/extract/types";
import { splitIdentifier, titleWords } from "@/lib/extract/naming";
import { createCoverageLookup, type CoverageReport } from "@/lib/quality";
import { buildRelationships, type PatternRecord } from "./build-relationships";
import { clusterUnits } from "./cluster-units";
import { collectReferences, usersByUnit } from "./collect-references";
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

/** Two patterns may do different things under one name: later ones (by key) name their class, else a variant number. */
function disambiguateNames(model: RepoModel, built: { pattern: ExtractedPattern; selected: SelectedCluster }[]): void {
  const byName = new Map<string, typeof built>();
  for (const entry of [...built].sort((a, b) => (a.pattern.key < b.pattern.key ? -1 : 1))) {
    byName.set(entry.pattern.name, [...(byName.get(entry.pattern.name) ?? []), entry]);
  }
  for (const [name, entries] of byName) {
    if (entries.length < 2) continue;
    const taken = new Set([name]);
    entries.slice(1).forEach((entry, index) => {
      const owner = model.parentOf.get(entry.selected.representative.id);
      const ownerWords = owner ? titleWords(splitIdentifier(owner.name)) : "";
      const oneOwner = entry.pattern.occurrences.length < 3;
      let candidate = oneOwner && ownerWords && !name.includes(ownerWords) ? `${name} in ${ownerWords}` : "";
      if (!candidate || taken.has(candidate)) candidate = `${name} (variant ${index + 2})`;
      taken.add(candidate);
      entry.pattern.name = candidate;
    });
  }
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
  const context = { model, users: usersByUnit(references), coverage: input.coverage ? createCoverageLookup(input.coverage) : undefined };
  const built = clusterUnits(model.units)
    .map((cluster) => selectCluster(model, cluster))
    .filter((selected): selected is SelectedCluster => selected !== null)
    .map((selected) => ({ pattern: toPattern(context, selected), selected }));
  disambiguateNames(model, built);
  built.sort((a, b) => b.pattern.occurrences.length - a.pattern.occurrences.length || (a.pattern.key < b.pattern.key ? -1 : 1));
  const records: PatternRecord[] = built.map(({ pattern, selected }) => ({ key: pattern.key, units: selected.cluster.members.map((member) => member.unit), centre: selected.cluster.centre }));
  return { patterns: built.map((entry) => entry.pattern), relationships: buildRelationships(model, records, references) };
}
