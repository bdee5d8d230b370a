/**
 * The five parts of the quality score as monotone functions of their real inputs
 * (DESIGN §4). Each returns 0–1; the formulas are the documentation of the scale.
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

/**
 * Cyclomatic complexity → 1 at CC ≤ 1, falling linearly to 0 at CC 25 (radon's rank D
 * begins at 21; ESLint's default `complexity` limit is 20), so each extra branch costs 1/24.
 */
export function complexityPart(cyclomatic: number): number {
  return clamp01((25 - cyclomatic) / 24);
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
