import type { CodeUnit, PatternRelationship, RelationshipType } from "@/lib/extract/types";
import type { FingerprintGroup } from "./cluster-units";
import { mergeSimilarity } from "./cluster-units";
import { LshIndex } from "./lsh-index";
import { isWithin, methodsOf, type RepoModel } from "./repo-model";
import type { Reference } from "./resolve-references";
import { jaccard } from "./shingles";

/** A built pattern as relationships see it. */
export interface PatternRecord {
  key: string;
  units: CodeUnit[];
  centre: FingerprintGroup;
}

/** Patterns below this shape similarity are not similar enough to mention. */
export const similarFloor = 0.7;
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

/** SIMILAR_TO: pattern centres with shape similarity in [0.7, 0.9), found through MinHash LSH. */
function similarities(records: PatternRecord[]): PatternRelationship[] {
  const index = new LshIndex<number>();
  const relationships: PatternRelationship[] = [];
  records.forEach((record, position) => {
    for (const other of index.candidates(record.centre.signature, record.centre.bucket).sort((a, b) => a - b)) {
      const similarity = jaccard(records[other].centre.shingles, record.centre.shingles);
      if (similarity < similarFloor || similarity >= mergeSimilarity) continue;
      const [first, second] = [records[other], record].sort((a, b) => (a.key < b.key ? -1 : 1));
      const smaller = Math.min(first.centre.shingles.length, second.centre.shingles.length);
      relationships.push({
        source: first.key,
        target: second.key,
        type: "SIMILAR_TO",
        strength: round(similarity),
        // Jaccard over few shingles is noisy: confidence grows with the smaller unit's size.
        confidence: round(smaller / (smaller + 20)),
        evidence: [`shape similarity ${similarity.toFixed(2)} between ${first.units[0].qualname} at ${at(first.units[0])} and ${second.units[0].qualname} at ${at(second.units[0])}`],
      });
    }
    index.add(position, record.centre.signature, record.centre.bucket);
  });
  return relationships;
}

/** All relationships between built patterns, sorted by type, source and target. */
export function buildRelationships(model: RepoModel, records: PatternRecord[], references: Reference[]): PatternRelationship[] {
  const keyOf = new Map<string, string>();
  for (const record of records) for (const unit of record.units) keyOf.set(unit.id, record.key);
  const set = new RelationshipSet();
  addReferenceRelationships(model, keyOf, references, set);
  addCompositions(model, keyOf, records, set);
  const occurrences = new Map(records.map((record) => [record.key, record.units.length]));
  const all = [...set.toList(occurrences), ...similarities(records)];
  return all.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}
