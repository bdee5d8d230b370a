import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { CodeUnit, DesignPatternKind, Language, PatternMatch } from "@/lib/domain";
import { calleeText, familyOf, lastSegment, nodeTypes, type Family } from "./syntax";
import { UnitFacts } from "./unit-facts";

const sharedTypes = ["if_statement", "return_statement", "expression_statement", "try_statement"];
const indexedTypes: Record<Family, Set<string>> = {
  python: new Set([
    ...Object.values(nodeTypes.python).flat(),
    ...sharedTypes,
    ...["global_statement", "dictionary", "yield", "comparison_operator", "binary_operator", "with_item", "assert_statement"],
  ]),
  js: new Set([
    ...Object.values(nodeTypes.js).flat(),
    ...sharedTypes,
    ...["object", "yield_expression", "binary_expression", "variable_declarator", "for_in_statement", "throw_statement"],
    ...["lexical_declaration", "variable_declaration", "public_field_definition", "field_definition"],
  ]),
};

/** What `detectDesignPatterns` is given for one unit. */
export interface DetectDesignPatternsInput {
  /** The unit's own syntax node (for a decorated Python def, the inner def). */
  node: SyntaxNode;
  unit: Omit<CodeUnit, "patterns" | "fingerprint">;
  language: Language;
  /** Module-level imports: local name → `module` or `module.name`. */
  fileImports: Record<string, string>;
  /** The whole file's text. */
  source: string;
}

/** A call found in a unit, with its callee text resolved once. */
export interface CallSite {
  node: SyntaxNode;
  /** `self._db.execute`, `setTimeout`, `Foo` for `new Foo()`. */
  callee: string;
  /** Last segment of the callee (`execute`). */
  name: string;
  isNew: boolean;
}

/**
 * One unit seen by every detector. Syntax lookups are memoised so the fourteen detectors
 * share one lookup per node type instead of re-walking the unit each time.
 */
export class DetectorContext {
  readonly family: Family;
  readonly isClass: boolean;
  readonly node: SyntaxNode;
  private readonly found = new Map<string, FoundNodes>();
  private readonly buckets = new Map<string, SyntaxNode[]>();
  private callSites?: CallSite[];
  private callsInOrder?: boolean;
  private unitFacts?: UnitFacts;

  constructor(readonly input: DetectDesignPatternsInput) {
    this.node = input.node;
    this.family = familyOf(input.language);
    this.isClass = (nodeTypes[this.family].class as readonly string[]).includes(input.node.type);
  }

  /** The unit's cheap facts that detectors' preconditions read (made on first use). */
  get facts(): UnitFacts {
    this.unitFacts ??= new UnitFacts(this.node, this.family, this.isClass, this.input.source, this.input.unit.qualname);
    return this.unitFacts;
  }

  /** Descendants of the unit node of the given types (memoised per type list). */
  find(types: readonly string[]): SyntaxNode[] {
    return this.lookup(types).nodes;
  }

  private lookup(types: readonly string[]): FoundNodes {
    const key = types.join(",");
    let found = this.found.get(key);
    if (!found) {
      const nodes = types.every((type) => indexedTypes[this.family].has(type))
        ? this.fromBuckets(types)
        : this.node.descendantsOfType(types).filter((node) => node.id !== this.node.id);
      found = { nodes };
      this.found.set(key, found);
    }
    return found;
  }

  // The node types detectors ask about most are kept per type (named nodes only), so a
  // list of types is a merge of ready buckets rather than a new walk.
  private fromBuckets(types: readonly string[]): SyntaxNode[] {
    if (types.length === 1) return this.bucket(types[0]!).slice();
    return mergeByStart(types.map((type) => this.bucket(type)));
  }

  private bucket(type: string): SyntaxNode[] {
    let bucket = this.buckets.get(type);
    if (!bucket) {
      bucket = this.node.namedDescendantsOfType?.(type) ?? this.node.descendantsOfType(type).filter((node) => node.id !== this.node.id && node.isNamed);
      this.buckets.set(type, bucket);
    }
    return bucket;
  }

  /** Every call (and `new`) in the unit. */
  calls(): CallSite[] {
    this.callSites ??= this.find(nodeTypes[this.family].call).map((node) => {
      const callee = calleeText(node);
      return { node, callee, name: lastSegment(callee), isNew: node.type === "new_expression" };
    });
    return this.callSites;
  }

  /** Calls inside a sub-node of the unit. */
  callsWithin(node: SyntaxNode): CallSite[] {
    const calls = this.calls();
    this.callsInOrder ??= startsInOrder(calls.map((call) => call.node));
    return inside(calls, (call) => call.node, node, this.callsInOrder);
  }

  /** Nodes of the given types inside a sub-node of the unit. */
  findWithin(node: SyntaxNode, types: readonly string[]): SyntaxNode[] {
    const found = this.lookup(types);
    found.inOrder ??= startsInOrder(found.nodes);
    return inside(found.nodes, (item) => item, node, found.inOrder);
  }
}

/**
 * The lists' nodes ordered by start, ties in list order: what a stable sort of their
 * concatenation by `startIndex` gives, merged in one pass since each bucket is in document
 * order (a list that is not is sorted, with the same result).
 */
function mergeByStart(lists: SyntaxNode[][]): SyntaxNode[] {
  const filled = lists.filter((list) => list.length > 0);
  if (filled.length <= 1) return filled.length === 0 ? [] : filled[0]!.slice();
  if (!filled.every(startsInOrder)) return filled.flat().sort((a, b) => a.startIndex - b.startIndex);
  const merged: SyntaxNode[] = [];
  const next = filled.map(() => 0);
  for (;;) {
    let best = -1;
    for (let list = 0; list < filled.length; list++) {
      const node = filled[list]![next[list]!];
      if (node && (best < 0 || node.startIndex < filled[best]![next[best]!]!.startIndex)) best = list;
    }
    if (best < 0) return merged;
    merged.push(filled[best]![next[best]!++]!);
  }
}

function startsInOrder(nodes: readonly SyntaxNode[]): boolean {
  for (let index = 1; index < nodes.length; index++) if (nodes[index - 1]!.startIndex > nodes[index]!.startIndex) return false;
  return true;
}

/** A memoised `find` list, and whether its nodes start in source order (checked once, when first needed). */
interface FoundNodes {
  nodes: SyntaxNode[];
  inOrder?: boolean;
}

/**
 * The items whose node lies inside `node`, in list order: a binary search to the first that
 * can, then a scan that stops past `node`'s end. Lists from `find` and `calls` are in source
 * order (`ordered`, checked once per list); one that is not (never seen so far) is filtered
 * whole, with the same result.
 */
function inside<T>(items: readonly T[], nodeOf: (item: T) => SyntaxNode, node: SyntaxNode, ordered: boolean): T[] {
  const contains = (item: T) => nodeOf(item).startIndex >= node.startIndex && nodeOf(item).endIndex <= node.endIndex;
  if (!ordered) return items.filter(contains);
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodeOf(items[middle]!).startIndex < node.startIndex) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  // An item starting after `node` ends cannot lie inside it (a zero-width one at its end can).
  for (let index = low; index < items.length && nodeOf(items[index]!).startIndex <= node.endIndex; index++) {
    if (contains(items[index]!)) found.push(items[index]!);
  }
  return found;
}

/** A detector: one design-pattern kind, called once per unit. */
export type Detector = (context: DetectorContext) => PatternMatch | undefined;

/**
 * What must hold of a unit for its detector to report anything: false means the detector
 * surely returns nothing, so dispatch skips it. Declared beside each detector and kept as
 * wide as the detector's rules (tests/unit/extract/detector-prefilters.test.ts runs every
 * detector on real code with the preconditions off and fails on any unit where one is false
 * but the detector matched).
 */
export type Precondition = (facts: UnitFacts) => boolean;

/**
 * A detector whose answer is kept per unit: detectors of generic shapes ask the more specific
 * ones first (see `otherRole`), so the same unit may be asked about twice.
 */
export function remembered(detect: Detector): Detector {
  const answers = new WeakMap<DetectorContext, PatternMatch | null>();
  return (context) => {
    const known = answers.get(context);
    if (known !== undefined) return known ?? undefined;
    const answer = detect(context);
    answers.set(context, answer ?? null);
    return answer;
  };
}

/** Builds a match with its confidence clamped to 0–0.99 and rounded to two decimals. */
export function patternMatch(kind: DesignPatternKind, confidence: number, evidence: string[]): PatternMatch {
  const clamped = Math.max(0, Math.min(0.99, confidence));
  return { kind, confidence: Math.round(clamped * 100) / 100, evidence };
}

/** Shortens source text for an evidence string. */
export function snippet(text: string, limit = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
