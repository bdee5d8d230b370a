/**
 * The five parts of the quality score as functions of their real inputs (DESIGN §4). Each returns 0–1; the formulas are the documentation of the scale.
 */

/** Facts about how well a unit documents itself. */
export interface DocumentationFacts {
  hasDocstring: boolean;
  /**
   * A docstring that explains: at least four words of prose besides tags (`@param`, `:type:`)
   * and the unit's own name. `/** @internal *\/` or "Constructor." is a docstring, not this.
   */
  explainingDocstring: boolean;
  /** 0–1: share of the parameters the docstring/JSDoc mentions (1 when there are none). */
  parametersDescribed: number;
  /** Parameters that carry a type (annotation, TS type, or JSDoc `@param {T}`). */
  annotatedParameters: number;
  /** Parameters that could carry one (not `self`/`cls`). */
  annotatableParameters: number;
  returnAnnotated: boolean;
  /** False for constructors and `__init__`, whose return type is implied. */
  needsReturnAnnotation: boolean;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** What the complexity part reads from one function or method. */
export interface ComplexityFacts {
  /** radon's / ESLint's cyclomatic complexity. */
  cyclomatic: number;
  /** SonarSource cognitive complexity. */
  cognitive: number;
  /** Statements in the body (signature, docstring, `pass` and closing brackets left out). */
  statements: number;
}

/**
 * How much logic the body holds: 1 − e^(−statements / 4). An empty body is 0, so emptiness
 * is never rewarded; 1 statement 0.22, 3 → 0.53, 6 → 0.78, 10 → 0.92, 15 or more ≈ 1.
 */
export function substanceFit(statements: number): number {
  return 1 - Math.exp(-Math.max(0, statements) / 4);
}

/** Piecewise-linear through (x, y) anchors, flat beyond the first and last. */
function throughAnchors(anchors: readonly (readonly [number, number])[], x: number): number {
  if (x <= anchors[0][0]) return anchors[0][1];
  for (let index = 1; index < anchors.length; index++) {
    const [x1, y1] = anchors[index];
    if (x <= x1) {
      const [x0, y0] = anchors[index - 1];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return anchors[anchors.length - 1][1];
}

// radon's ranks: A 1–5 (simple), B 6–10 (well structured), C 11–20 (slightly complex), D 21–30
// (more than moderate), E 31–40 (complex, alarming), F 41+ (error-prone). ESLint's default limit is 20.
const cyclomaticAnchors = [[5, 1], [10, 0.7], [20, 0.4], [30, 0.2], [40, 0.1], [60, 0]] as const;
// SonarSource flags cognitive complexity above 15.
const cognitiveAnchors = [[8, 1], [15, 0.75], [30, 0.35], [45, 0.1], [60, 0]] as const;

/**
 * How easily the logic reads, on the scales teams already use: by cyclomatic complexity, 1
 * through radon's rank A (≤ 5), 0.7 at the top of rank B (10), 0.4 at the top of rank C and
 * ESLint's default limit (20), 0.2 at the end of rank D (30), 0.1 at the end of E (40), 0 at
 * 60; by cognitive complexity, 1 up to 8, 0.75 at SonarSource's limit of 15, 0.35 at 30, 0.1 at
 * 45. The lower of the two.
 */
export function readabilityFit(cyclomatic: number, cognitive: number): number {
  return Math.min(throughAnchors(cyclomaticAnchors, cyclomatic), throughAnchors(cognitiveAnchors, cognitive));
}

/** Long bodies are harder to hold in mind whatever their branching: 1 up to 40 statements, then 40 / statements. */
export function brevityFit(statements: number): number {
  return statements <= 40 ? 1 : 40 / statements;
}

/**
 * The complexity part: best for moderate, readable complexity given the unit's size.
 * substance × readability × brevity, so a one-line delegator (0.22) or an empty stub (0)
 * scores low, a 10-statement function of rank A scores 0.92, the same at cyclomatic
 * complexity 10 (the top of rank B) 0.64, and a 60-statement function with cognitive
 * complexity 30 scores 0.23.
 */
export function complexityPart(facts: ComplexityFacts): number {
  return substanceFit(facts.statements) * readabilityFit(facts.cyclomatic, facts.cognitive) * brevityFit(facts.statements);
}

/**
 * A class's complexity part: the substance of all its methods together (a class is judged
 * as a whole, not by its smallest accessor) times the mean readability and brevity of its
 * methods. With no methods, the class body's own statements and complexity count.
 */
export function classComplexityPart(methods: ComplexityFacts[], own: ComplexityFacts): number {
  if (methods.length === 0) return complexityPart(own);
  const total = methods.reduce((sum, method) => sum + method.statements, 0);
  const readable = methods.reduce((sum, method) => sum + readabilityFit(method.cyclomatic, method.cognitive) * brevityFit(method.statements), 0) / methods.length;
  return substanceFit(total) * readable;
}

/**
 * Mostly prose, some types: 0.7 × prose + 0.3 × types. Prose: 0 without a docstring/JSDoc,
 * 0.25 for one that explains nothing (a tag, the name again), else 0.7 plus 0.3 × the share
 * of parameters it mentions. Types: annotated parameters plus an annotated return over what
 * could be annotated (1 when nothing could be). Fully typed code without a word of
 * explanation scores 0.3; an explaining docstring without types 0.49–0.7.
 */
export function documentationPart(facts: DocumentationFacts): number {
  const prose = !facts.hasDocstring ? 0 : facts.explainingDocstring ? 0.7 + 0.3 * clamp01(facts.parametersDescribed) : 0.25;
  const possible = facts.annotatableParameters + (facts.needsReturnAnnotation ? 1 : 0);
  const present = facts.annotatedParameters + (facts.needsReturnAnnotation && facts.returnAnnotated ? 1 : 0);
  const types = possible === 0 ? 1 : clamp01(present / possible);
  return 0.7 * prose + 0.3 * types;
}

/** Who calls a unit (or any occurrence of a pattern): its real fan-in. */
export interface FanIn {
  /** Distinct units outside it that call, instantiate or extend it. */
  callers: number;
  /** Distinct files, other than its own, that call or import it. */
  callerFiles: number;
}

/**
 * Reuse from real fan-in: 1 − e^(−(callers + caller files) / 6). Unused 0, one caller in
 * another file 0.28, three callers in two files 0.57, ten callers in five files 0.92. Copies
 * of the code are recurrence, not reuse: they count in a pattern's prominence, not here.
 */
export function reusabilityPart(fanIn: FanIn): number {
  return 1 - Math.exp(-(Math.max(0, fanIn.callers) + Math.max(0, fanIn.callerFiles)) / 6);
}

/** Fan-out (distinct calls + external dependencies) → 1 up to 4, then 1 / (1 + (fanOut − 4) / 8): 0.5 at 12. */
export function couplingScore(fanOut: number): number {
  return 1 / (1 + Math.max(0, fanOut - 4) / 8);
}

/** LCOM4 (connected groups of methods) → 1 / LCOM4: one cohesive group 1, two unrelated halves 0.5. */
export function cohesionScore(lcom4: number): number {
  return 1 / Math.max(1, lcom4);
}

/** Coupling alone for functions; the mean of coupling and cohesion for classes (lcom4 given). */
export function maintainabilityPart(fanOut: number, lcom4?: number): number {
  const coupling = couplingScore(fanOut);
  return lcom4 === undefined ? coupling : (coupling + cohesionScore(lcom4)) / 2;
}
