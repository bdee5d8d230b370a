import type { CodeUnit, ExtractedPattern, ExtractionResult } from "@/lib/domain";

/** A place in code: file, first line, qualified name. */
export interface CodePlace {
  file: string;
  line: number;
  qualname: string;
}

/** New code that has the shape of code the repository already holds. */
export interface ReuseHint {
  unit: CodePlace;
  existing: CodePlace;
  patternKey: string;
  patternName: string;
  /** `same`: clustered into the same pattern (same structure, or embedding ≥ 0.9); `similar`: a SIMILAR_TO neighbour. */
  how: "same" | "similar";
}

/** A pattern that only the pull request's code has. */
export interface NewPattern {
  key: string;
  name: string;
  kind: string | null;
  places: CodePlace[];
}

/** A unit whose cyclomatic complexity the pull request changes (null: absent on that side). */
export interface ComplexityChange {
  file: string;
  qualname: string;
  before: number | null;
  after: number | null;
}

/** What a pull request brings, compared with the repository as Motif last ingested it. */
export interface PullRequestInsight {
  changedFiles: string[];
  newUnits: number;
  reuse: ReuseHint[];
  newPatterns: NewPattern[];
  kinds: string[];
  complexity: { delta: number; changes: ComplexityChange[] };
  /** Mean quality score of the patterns with code in the changed files, before and after. */
  quality: { before: number | null; after: number | null };
}

const place = (unit: Pick<CodeUnit, "file" | "startLine" | "qualname">): CodePlace => ({ file: unit.file, line: unit.startLine, qualname: unit.qualname });
const unitSignature = (unit: CodeUnit) => `${unit.file}\n${unit.qualname}\n${unit.fingerprint}`;

function meanQuality(patterns: readonly ExtractedPattern[], files: ReadonlySet<string>): number | null {
  const touched = patterns.filter((pattern) => pattern.occurrences.some((occurrence) => files.has(occurrence.file)));
  if (touched.length === 0) return null;
  return Math.round((touched.reduce((sum, pattern) => sum + pattern.quality.score, 0) / touched.length) * 1000) / 1000;
}

function complexityChanges(base: readonly CodeUnit[], head: readonly CodeUnit[], files: ReadonlySet<string>): ComplexityChange[] {
  const key = (unit: CodeUnit) => `${unit.file}\n${unit.qualname}`;
  const before = new Map(base.filter((unit) => files.has(unit.file)).map((unit) => [key(unit), unit]));
  const after = new Map(head.filter((unit) => files.has(unit.file)).map((unit) => [key(unit), unit]));
  const changes: ComplexityChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(id)?.metrics.cyclomatic ?? null;
    const now = after.get(id)?.metrics.cyclomatic ?? null;
    const unit = (after.get(id) ?? before.get(id))!;
    if (old !== now) changes.push({ file: unit.file, qualname: unit.qualname, before: old, after: now });
  }
  return changes.sort((left, right) => Math.abs((right.after ?? 0) - (right.before ?? 0)) - Math.abs((left.after ?? 0) - (left.before ?? 0)));
}

// An occurrence that is not the pull request's new code, outside the changed files first.
function existingPlace(pattern: ExtractedPattern, newIds: ReadonlySet<string>, files: ReadonlySet<string>): CodePlace | undefined {
  const existing = pattern.occurrences.filter((occurrence) => !newIds.has(occurrence.unitId));
  const best = existing.find((occurrence) => !files.has(occurrence.file)) ?? existing[0];
  return best && { file: best.file, line: best.startLine, qualname: best.qualname };
}

/**
 * Compares the repository's extraction before and after a pull request (both clustered
 * whole): which added units share a pattern with code that exists (reuse it), which form
 * patterns of their own, which design-pattern kinds they implement, and how complexity and
 * quality move in the changed files.
 */
export function comparePullRequest(options: { base: ExtractionResult; head: ExtractionResult; changedFiles: readonly string[] }): PullRequestInsight {
  const { base, head } = options;
  const files = new Set(options.changedFiles);
  const known = new Set(base.units.map(unitSignature));
  const places = new Set(base.units.map((unit) => `${unit.file}\n${unit.qualname}`));
  const shapes = new Set(base.units.map((unit) => `${unit.qualname}\n${unit.fingerprint}`));
  const newUnits = head.units.filter((unit) => files.has(unit.file) && !known.has(unitSignature(unit)));
  // Added code (not an edit of a unit in place, nor a unit that moved files): what may repeat a pattern or start one.
  const added = newUnits.filter((unit) => !places.has(`${unit.file}\n${unit.qualname}`) && !shapes.has(`${unit.qualname}\n${unit.fingerprint}`));
  const newIds = new Set(newUnits.map((unit) => unit.id));
  const patternOf = new Map(head.patterns.flatMap((pattern) => pattern.occurrences.map((occurrence) => [occurrence.unitId, pattern] as const)));
  const byKey = new Map(head.patterns.map((pattern) => [pattern.key, pattern]));
  const reuse: ReuseHint[] = [];
  const fresh = new Map<string, NewPattern>();
  for (const unit of added) {
    const pattern = patternOf.get(unit.id);
    if (!pattern) continue;
    const same = existingPlace(pattern, newIds, files);
    if (same) {
      reuse.push({ unit: place(unit), existing: same, patternKey: pattern.key, patternName: pattern.name, how: "same" });
      continue;
    }
    const neighbour = head.relationships
      .filter((relation) => relation.type === "SIMILAR_TO" && (relation.source === pattern.key || relation.target === pattern.key))
      .sort((left, right) => right.strength - left.strength)
      .map((relation) => byKey.get(relation.source === pattern.key ? relation.target : relation.source))
      .map((other) => other && { other, at: existingPlace(other, newIds, files) })
      .find((candidate) => candidate?.at);
    if (neighbour) reuse.push({ unit: place(unit), existing: neighbour.at!, patternKey: neighbour.other.key, patternName: neighbour.other.name, how: "similar" });
    else {
      const entry = fresh.get(pattern.key) ?? { key: pattern.key, name: pattern.name, kind: pattern.kind, places: [] };
      entry.places.push(place(unit));
      fresh.set(pattern.key, entry);
    }
  }
  const kinds = new Set<string>();
  for (const unit of newUnits) {
    for (const match of unit.patterns) kinds.add(match.kind);
    const kind = patternOf.get(unit.id)?.kind;
    if (kind) kinds.add(kind);
  }
  const changes = complexityChanges(base.units, head.units, files);
  return {
    changedFiles: [...files].sort(),
    newUnits: newUnits.length,
    reuse,
    newPatterns: [...fresh.values()],
    kinds: [...kinds].sort(),
    complexity: { delta: changes.reduce((sum, change) => sum + (change.after ?? 0) - (change.before ?? 0), 0), changes },
    quality: { before: meanQuality(base.patterns, files), after: meanQuality(head.patterns, files) },
  };
}
