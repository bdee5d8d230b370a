import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { UnitKind } from "@/lib/domain";

/** A cyclomatic accumulator: one per radon block or ESLint code path. Starts at 1. */
export interface PathCounter {
  cyclomatic: number;
}

/**
 * A unit while the walk is still filling it in. The walk only counts; names, parameters
 * and text are read from `node` afterwards, once per unit.
 */
export interface UnitDraft extends PathCounter {
  node: SyntaxNode;
  /** Where the unit starts (its def/function/name line), never a decorator. */
  headStart: SyntaxNode;
  kind: UnitKind;
  name: string;
  qualname: string;
  /** Python: the block name radon gives it (closures are `outer.inner`, methods keep their own name). */
  radonName: string;
  parent: UnitDraft | null;
  decorators: SyntaxNode[];
  cognitive: number;
  maxNesting: number;
  calls: Set<string>;
  importsUsed: Set<string>;
  /** Parameter names: inside the unit they shadow imports of the same name. */
  shadowed: Set<string>;
  isGenerator: boolean;
  /** Class units: the functions radon (or we, for JS/TS) count as its methods. */
  methods: UnitDraft[];
  /** Class units: decisions in the class body outside methods (field initializers, static blocks). */
  bodyDecisions: number;
}

/** A fresh draft with zeroed counters. */
export function createUnitDraft(fields: {
  node: SyntaxNode;
  headStart: SyntaxNode;
  kind: UnitKind;
  name: string;
  qualname: string;
  radonName?: string;
  parent: UnitDraft | null;
  decorators?: SyntaxNode[];
}): UnitDraft {
  return {
    ...fields,
    radonName: fields.radonName ?? fields.name,
    decorators: fields.decorators ?? [],
    cyclomatic: 1,
    cognitive: 0,
    maxNesting: 0,
    calls: new Set(),
    importsUsed: new Set(),
    shadowed: new Set(),
    isGenerator: false,
    methods: [],
    bodyDecisions: 0,
  };
}
