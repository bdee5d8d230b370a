import type { QualityParts, QualityScore } from "@/lib/domain";
import {
  classComplexityPart,
  complexityPart,
  documentationPart,
  maintainabilityPart,
  reusabilityPart,
  type ComplexityFacts,
  type DocumentationFacts,
  type FanIn,
} from "./quality-parts";

/** DESIGN §4 weights, before re-normalisation. */
export const qualityWeights: Readonly<Record<keyof QualityParts, number>> = {
  complexity: 0.3,
  documentation: 0.2,
  testCoverage: 0.2,
  reusability: 0.15,
  maintainability: 0.15,
};

export const noCoverageNote = "no coverage report: test coverage unknown, weights re-normalised";

/** The real inputs of one unit's (or one pattern's) quality. */
export interface QualityInput {
  /** Cyclomatic and cognitive complexity and statement count of the unit (for a class, of its own body). */
  complexity: ComplexityFacts;
  /** Classes only: the same facts for each method, judged together (see `classComplexityPart`). */
  methods?: ComplexityFacts[];
  documentation: DocumentationFacts;
  /** 0–1 line coverage, or null when no report covers it. */
  coverage: number | null;
  /** Who calls it: distinct caller units and other files. */
  fanIn: FanIn;
  /** Distinct calls + distinct external dependencies. */
  fanOut: number;
  /** Classes only: LCOM4 over methods × instance attributes. */
  lcom4?: number;
  /** Statements about the inputs to carry into the score (e.g. why coverage is unknown). */
  notes?: string[];
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Weighs known parts into a score. An unknown test coverage (null) drops out and the other
 * weights are divided by their sum, so the weights used always sum to 1.
 */
export function combineQualityParts(parts: QualityParts, notes: string[] = []): QualityScore {
  const known = (Object.keys(qualityWeights) as (keyof QualityParts)[]).filter((name) => parts[name] !== null);
  const total = known.reduce((sum, name) => sum + qualityWeights[name], 0);
  const weights = { complexity: 0, documentation: 0, testCoverage: 0, reusability: 0, maintainability: 0 };
  let score = 0;
  for (const name of known) {
    weights[name] = round(qualityWeights[name] / total);
    score += (qualityWeights[name] / total) * (parts[name] as number);
  }
  const rounded: QualityParts = {
    complexity: round(parts.complexity),
    documentation: round(parts.documentation),
    testCoverage: parts.testCoverage === null ? null : round(parts.testCoverage),
    reusability: round(parts.reusability),
    maintainability: round(parts.maintainability),
  };
  // Callers that know why coverage is missing (a report that lacks the file) say so themselves.
  const explained = notes.some((note) => note.includes("weights re-normalised"));
  const allNotes = parts.testCoverage === null && !explained ? [...notes, noCoverageNote] : notes;
  return { score: round(score), parts: rounded, weights, notes: allNotes };
}

/** The quality score (DESIGN §4) of one unit from its real inputs, with every part stored. */
export function scoreQuality(input: QualityInput): QualityScore {
  const parts: QualityParts = {
    complexity: input.methods ? classComplexityPart(input.methods, input.complexity) : complexityPart(input.complexity),
    documentation: documentationPart(input.documentation),
    testCoverage: input.coverage,
    reusability: reusabilityPart(input.fanIn),
    maintainability: maintainabilityPart(input.fanOut, input.lcom4),
  };
  return combineQualityParts(parts, input.notes ?? []);
}
