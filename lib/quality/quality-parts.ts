/**
 * The five parts of the quality score as functions of their real inputs (DESIGN §4). Each returns 0–1; the formulas are the documentation of the scale.
 */

/** Facts about how well a unit documents itself. */
export interface DocumentationFacts {
  hasDocstring: boolean;
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

/**
 * How easily the logic reads, by the thresholds teams already use: 1 up to SonarSource's
 * cognitive-complexity limit of 15, falling linearly to 0 at 45; and 1 up to cyclomatic
 * complexity 10 (the end of radon's rank B), falling to 0.5 at ESLint's default limit of
 * 20 and to 0 at 30. The lower of the two.
 */
export function readabilityFit(cyclomatic: number, cognitive: number): number {
  const byCognitive = cognitive <= 15 ? 1 : clamp01((45 - cognitive) / 30);
  const byCyclomatic = cyclomatic <= 10 ? 1 : clamp01((30 - cyclomatic) / 20);
  return Math.min(byCognitive, byCyclomatic);
}

/** Long bodies are harder to hold in mind whatever their branching: 1 up to 40 statements, then 40 / statements. */
export function brevityFit(statements: number): number {
  return statements <= 40 ? 1 : 40 / statements;
}

/**
 * The complexity part: best for moderate, readable complexity given the unit's size.
 * substance × readability × brevity, so a one-line delegator (0.22) or an empty stub (0)
 * scores low, a 10-statement function with a few branches scores 0.92, and a 60-statement
 * function with cognitive complexity 30 scores 0.33.
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
 * Half prose, half types. Prose: 0 without a docstring/JSDoc, else 0.6 plus 0.4 × the share
 * of parameters it mentions. Types: annotated parameters plus an annotated return over
 * what could be annotated (1 when nothing could be).
 */
export function documentationPart(facts: DocumentationFacts): number {
  const prose = facts.hasDocstring ? 0.6 + 0.4 * clamp01(facts.parametersDescribed) : 0;
  const possible = facts.annotatableParameters + (facts.needsReturnAnnotation ? 1 : 0);
  const present = facts.annotatedParameters + (facts.needsReturnAnnotation && facts.returnAnnotated ? 1 : 0);
  const types = possible === 0 ? 1 : clamp01(present / possible);
  return 0.5 * prose + 0.5 * types;
}

/**
 * Uses = other files that call or import it + extra occurrences (copies elsewhere).
 * Saturating: uses / (uses + 2) → 0 unused, 0.33 one user, 0.5 two, 0.8 eight.
 */
export function reusabilityPart(uses: number): number {
  const count = Math.max(0, uses);
  return count / (count + 2);
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
