import type { CodeUnit } from "@/lib/domain";
import { fnv1a64 } from "@/lib/extract/fingerprint";
import { LshIndex } from "./lsh-index";
import { noSimilarityMemo, type SimilarityLookup } from "./similarity-memo";
import { shapeTokens } from "./shape-tokens";
import { estimatedJaccard, minHashSignature, shingleSet } from "./shingles";
import { minimumLengthRatio, similarityBound, tokenSimilarityAtLeast } from "./token-similarity";

/** Units merge into one pattern at this token similarity (DESIGN §4: near-duplicates ≥ 0.9). */
export const mergeSimilarity = 0.9;

/** Units sharing one structural fingerprint, with the shape used for near-duplicate search. */
export interface FingerprintGroup {
  fingerprint: string;
  /** Sorted by file, start line, qualname. */
  units: CodeUnit[];
  /** Language family and unit kind: only units in one bucket are compared. */
  bucket: string;
  /** Shape tokens of the first unit, as ids (equal tokens, equal ids). */
  tokens: Int32Array;
  /** Its branching and looping keywords in order: near copies must keep this skeleton. */
  controlFlow: string;
  /** MinHash signature of its shape shingles. */
  signature: Uint32Array;
}

/** A cluster of units doing the same thing the same way; its centre is the first group. */
export interface UnitCluster {
  centre: FingerprintGroup;
  groups: FingerprintGroup[];
  /** Every member with its shape similarity to the centre (1 for the centre's own fingerprint). */
  members: { unit: CodeUnit; similarity: number }[];
}

/** Orders units so the result never depends on the order files were extracted in. */
export function compareUnits(a: CodeUnit, b: CodeUnit): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.startLine - b.startLine || (a.qualname < b.qualname ? -1 : a.qualname > b.qualname ? 1 : 0);
}

function bucketOf(unit: CodeUnit): string {
  return `${unit.language === "python" ? "python" : "ecmascript"}:${unit.kind === "class" ? "class" : "callable"}`;
}

const controlKeywords = new Set([
  "if", "elif", "else", "for", "while", "do", "try", "except", "catch", "finally", "with", "match", "case", "switch",
  "return", "yield", "raise", "throw", "break", "continue", "await", "async", "lambda", "function", "=>", "?", "&&", "||", "and", "or",
]);

function controlFlowOf(tokens: string[]): string {
  return tokens.filter((token) => controlKeywords.has(token)).join(" ");
}

// One vocabulary for the life of the process: a shape's token ids are then the same in every
// run, so they are computed once per unit and the similarity of two shapes can be kept
// (`SimilarityMemo`). Shape tokens are keywords, operators, `$` and called method names
// (`.append(`): thousands, far below the dense-table limit of `token-similarity.ts`.
const vocabulary = new Map<string, number>();

function tokenIds(tokens: string[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let index = 0; index < tokens.length; index++) {
    let id = vocabulary.get(tokens[index]);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(tokens[index], id);
    }
    ids[index] = id;
  }
  return ids;
}

/** What a unit's code shape gives the clustering: read-only, shared by every run that sees the unit. */
export interface ShapeFacts {
  tokens: string[];
  /** The tokens as ids of the process's vocabulary. */
  ids: Int32Array;
  controlFlow: string;
  signature: Uint32Array;
}

// By unit object: a long-running process clusters the same units again at every incremental ingest.
const shapeFactsByUnit = new WeakMap<CodeUnit, ShapeFacts>();

/** The shape facts of a unit, read once per unit object. */
export function shapeFactsOf(unit: CodeUnit): ShapeFacts {
  let facts = shapeFactsByUnit.get(unit);
  if (!facts) {
    const tokens = shapeTokens(unit.code, unit.language);
    facts = { tokens, ids: tokenIds(tokens), controlFlow: controlFlowOf(tokens), signature: minHashSignature(shingleSet(tokens)) };
    shapeFactsByUnit.set(unit, facts);
  }
  return facts;
}

/** Groups units by fingerprint (computed from the code shape when a unit lacks one). */
export function groupByFingerprint(units: CodeUnit[]): FingerprintGroup[] {
  const byKey = new Map<string, CodeUnit[]>();
  for (const unit of [...units].sort(compareUnits)) {
    const fingerprint = unit.fingerprint || fnv1a64(`${bucketOf(unit)}\u0000${shapeFactsOf(unit).tokens.join(" ")}`);
    const key = `${bucketOf(unit)}|${fingerprint}`;
    const members = byKey.get(key);
    if (members) members.push(unit);
    else byKey.set(key, [unit]);
  }
  return [...byKey].map(([key, members]) => {
    const facts = shapeFactsOf(members[0]);
    return {
      fingerprint: key.slice(key.indexOf("|") + 1),
      units: members,
      bucket: bucketOf(members[0]),
      tokens: facts.ids,
      controlFlow: facts.controlFlow,
      signature: facts.signature,
    };
  });
}

/** Bigger groups first (they make better centres), then by fingerprint for a stable order. */
function compareGroups(a: FingerprintGroup, b: FingerprintGroup): number {
  return b.units.length - a.units.length || b.tokens.length - a.tokens.length || (a.fingerprint < b.fingerprint ? -1 : 1);
}

/**
 * The token similarity of a group to a centre when the group may join it (≥ 0.9, the same
 * control-flow skeleton), else -1. A function of the two shapes alone.
 */
function mergeDecision(centre: FingerprintGroup, group: FingerprintGroup): number {
  const shorter = Math.min(centre.tokens.length, group.tokens.length);
  const longer = Math.max(centre.tokens.length, group.tokens.length);
  if (shorter < minimumLengthRatio(mergeSimilarity) * longer || centre.controlFlow !== group.controlFlow) return -1;
  // Near copies share most shingles; a low MinHash estimate rules a pair out before the exact measure.
  if (estimatedJaccard(centre.signature, group.signature) < 0.4) return -1;
  if (similarityBound(centre.tokens, group.tokens) < mergeSimilarity) return -1;
  return tokenSimilarityAtLeast(centre.tokens, group.tokens, mergeSimilarity);
}

/**
 * Clusters units: one group per fingerprint, then each group joins the most similar
 * existing centre with token similarity ≥ 0.9 and the same control-flow skeleton (the
 * order of its branch, loop and exit keywords: a near copy may add a log line, not turn a
 * `for` into a `while`), else becomes a centre. Candidate centres
 * come from MinHash LSH over shape shingles (never all pairs), and joining a centre rather
 * than any member keeps clusters from chaining into loose blobs. `memo` keeps the outcomes of
 * comparisons for the next run over mostly the same units.
 */
export function clusterUnits(units: CodeUnit[], memo: SimilarityLookup = noSimilarityMemo): UnitCluster[] {
  const groups = groupByFingerprint(units).sort(compareGroups);
  const clusters: UnitCluster[] = [];
  const index = new LshIndex(4);
  for (const group of groups) {
    let best: { cluster: number; similarity: number } | undefined;
    for (const candidate of index.candidates(group.signature, group.bucket, 16).sort((a, b) => a - b)) {
      const centre = clusters[candidate].centre;
      const similarity = memo.similarity(centre.tokens, group.tokens, mergeSimilarity, mergeDecision, centre, group);
      if (similarity >= mergeSimilarity && (!best || similarity > best.similarity)) best = { cluster: candidate, similarity };
    }
    const members = group.units.map((unit) => ({ unit, similarity: best ? best.similarity : 1 }));
    if (best) {
      clusters[best.cluster].groups.push(group);
      clusters[best.cluster].members.push(...members);
    } else {
      clusters.push({ centre: group, groups: [group], members });
      index.add(clusters.length - 1, group.signature, group.bucket);
    }
  }
  for (const cluster of clusters) cluster.members.sort((a, b) => compareUnits(a.unit, b.unit));
  return clusters;
}
