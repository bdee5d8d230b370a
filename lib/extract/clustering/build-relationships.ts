import type { CodeUnit, PatternRelationship, RelationshipType } from "@/lib/domain";
import type { FingerprintGroup } from "./cluster-units";
import { mergeSimilarity } from "./cluster-units";
import { LshIndex } from "./lsh-index";
import { noSimilarityMemo, type SimilarityLookup } from "./similarity-memo";
import { isWithin, methodsOf, type RepoModel } from "./repo-model";
import type { Reference } from "./resolve-references";
import { estimatedJaccard } from "./shingles";
import { minimumLengthRatio, similarityBound, tokenSimilarityAtLeast } from "./token-similarity";

/** A built pattern as relationships see it. */
export interface PatternRecord {
  key: string;
  units: CodeUnit[];
  centre: FingerprintGroup;
}

/** Patterns below this shape similarity are not similar enough to mention. */
export const similarFloor = 0.7;
/** Below this many shape tokens, most code looks alike: such patterns get no SIMILAR_TO. */
const similarMinimumTokens = 40;
/** Each pattern keeps its few closest relatives, not every pattern of the same broad shape. */
const similarPerPattern = 3;
const evidenceLimit = 6;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

interface Accumulator {
  source: string;
  target: string;
  type: RelationshipType;
  sourceUnits: Set<string>;
  confidence: number;
  evidence: Set<string>;
}

class RelationshipSet {
  private readonly entries = new Map<string, Accumulator>();

  add(type: RelationshipType, source: string, target: string, sourceUnit: string, confidence: number, evidence: string): void {
    const id = `${type}|${source}|${target}`;
    const entry = this.entries.get(id) ?? { source, target, type, sourceUnits: new Set<string>(), confidence: 0, evidence: new Set<string>() };
    entry.sourceUnits.add(sourceUnit);
    entry.confidence = Math.max(entry.confidence, confidence);
    entry.evidence.add(evidence);
    this.entries.set(id, entry);
  }

  /** Strength = share of the source pattern's occurrences that show the relationship. */
  toList(occurrences: Map<string, number>): PatternRelationship[] {
    return [...this.entries.values()].map((entry) => ({
      source: entry.source,
      target: entry.target,
      type: entry.type,
      strength: round(Math.min(1, entry.sourceUnits.size / (occurrences.get(entry.source) ?? 1))),
      confidence: round(entry.confidence),
      evidence: [...entry.evidence].sort().slice(0, evidenceLimit),
    }));
  }
}

const at = (unit: CodeUnit, line = unit.startLine) => `${unit.file}:${line}`;

/** USES from calls and EXTENDS from base classes, attributed to the nearest enclosing pattern. */
function addReferenceRelationships(model: RepoModel, keyOf: Map<string, string>, references: Reference[], set: RelationshipSet): void {
  const carrier = (unit: CodeUnit) => {
    for (let current: CodeUnit | undefined = unit; current; current = model.parentOf.get(current.id)) if (keyOf.has(current.id)) return current;
    return undefined;
  };
  const targetKey = (unit: CodeUnit) => {
    const parent = model.parentOf.get(unit.id);
    return keyOf.get(unit.id) ?? (parent?.kind === "class" ? keyOf.get(parent.id) : undefined);
  };
  for (const reference of references) {
    if (!reference.from) continue;
    if (reference.via === "base") {
      const source = keyOf.get(reference.from.id);
      const target = keyOf.get(reference.to.id);
      if (!source || !target || source === target) continue;
      set.add("EXTENDS", source, target, reference.from.id, reference.confidence, `${reference.from.qualname} extends ${reference.to.qualname} (${at(reference.to)}) at ${at(reference.from)}`);
      continue;
    }
    const holder = carrier(reference.from);
    const target = targetKey(reference.to);
    const source = holder && keyOf.get(holder.id);
    if (!holder || !source || !target || source === target || isWithin(model, reference.to, holder)) continue;
    set.add("USES", source, target, holder.id, reference.confidence, `${reference.from.qualname} calls ${reference.written} at ${reference.fromFile}:${reference.line} (defined at ${at(reference.to)})`);
  }
}

/** COMPOSED_OF: a class pattern and the method patterns its occurrences hold. */
function addCompositions(model: RepoModel, keyOf: Map<string, string>, records: PatternRecord[], set: RelationshipSet): void {
  for (const record of records) {
    for (const unit of record.units) {
      if (unit.kind !== "class") continue;
      for (const method of methodsOf(model, unit)) {
        const target = keyOf.get(method.id);
        if (target && target !== record.key) set.add("COMPOSED_OF", record.key, target, unit.id, 1, `${unit.qualname} holds ${method.qualname} at ${at(method)}`);
      }
    }
  }
}

/** The token similarity of an earlier centre and a later one when it may reach 0.7, else any value below. */
function similarShapes(earlier: FingerprintGroup, later: FingerprintGroup): number {
  // The earlier pattern's tokens count as the shorter on a tie, as a stable sort by length would put them.
  const earlierShorter = earlier.tokens.length <= later.tokens.length;
  const shorter = earlierShorter ? earlier.tokens : later.tokens;
  const longer = earlierShorter ? later.tokens : earlier.tokens;
  if (shorter.length < minimumLengthRatio(similarFloor) * longer.length) return -1;
  if (estimatedJaccard(earlier.signature, later.signature) < 0.2) return -1;
  if (similarityBound(shorter, longer) < similarFloor) return -1;
  return tokenSimilarityAtLeast(shorter, longer, similarFloor);
}

/** SIMILAR_TO: pattern centres with token similarity in [0.7, 0.9), candidates found through MinHash LSH. */
function similarities(records: PatternRecord[], memo: SimilarityLookup): PatternRelationship[] {
  const index = new LshIndex(2);
  const found: { first: PatternRecord; second: PatternRecord; similarity: number; tokens: number }[] = [];
  records.forEach((record, position) => {
    if (record.centre.tokens.length < similarMinimumTokens) return;
    for (const other of index.candidates(record.centre.signature, record.centre.bucket, 24).sort((a, b) => a - b)) {
      const otherCentre = records[other].centre;
      const similarity = memo.similarity(otherCentre.tokens, record.centre.tokens, similarFloor, similarShapes, otherCentre, record.centre);
      if (similarity < similarFloor || similarity >= mergeSimilarity) continue;
      const [first, second] = [records[other], record].sort((a, b) => (a.key < b.key ? -1 : 1));
      found.push({ first, second, similarity, tokens: Math.min(otherCentre.tokens.length, record.centre.tokens.length) });
    }
    index.add(position, record.centre.signature, record.centre.bucket);
  });
  const kept = new Map<string, number>();
  return found
    .sort((a, b) => b.similarity - a.similarity || (a.first.key < b.first.key ? -1 : a.first.key > b.first.key ? 1 : a.second.key < b.second.key ? -1 : 1))
    .filter(({ first, second }) => {
      if ((kept.get(first.key) ?? 0) >= similarPerPattern || (kept.get(second.key) ?? 0) >= similarPerPattern) return false;
      kept.set(first.key, (kept.get(first.key) ?? 0) + 1);
      kept.set(second.key, (kept.get(second.key) ?? 0) + 1);
      return true;
    })
    .map(({ first, second, similarity, tokens }) => ({
      source: first.key,
      target: second.key,
      type: "SIMILAR_TO" as const,
      strength: round(similarity),
      // Similarity over few tokens is noisy: confidence grows with the smaller unit's token count.
      confidence: round(tokens / (tokens + 30)),
      evidence: [`token similarity ${similarity.toFixed(2)} between ${first.units[0].qualname} at ${at(first.units[0])} and ${second.units[0].qualname} at ${at(second.units[0])}`],
    }));
}

/** All relationships between built patterns, sorted by type, source and target. */
export function buildRelationships(model: RepoModel, records: PatternRecord[], references: Reference[], memo: SimilarityLookup = noSimilarityMemo): PatternRelationship[] {
  const keyOf = new Map<string, string>();
  for (const record of records) for (const unit of record.units) keyOf.set(unit.id, record.key);
  const set = new RelationshipSet();
  addReferenceRelationships(model, keyOf, references, set);
  addCompositions(model, keyOf, records, set);
  const occurrences = new Map(records.map((record) => [record.key, record.units.length]));
  const all = [...set.toList(occurrences), ...similarities(records, memo)];
  return all.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}
