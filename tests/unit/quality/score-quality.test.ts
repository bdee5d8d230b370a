import { describe, expect, it } from "vitest";
import {
  brevityFit,
  classComplexityPart,
  cohesionScore,
  complexityPart,
  couplingScore,
  documentationPart,
  lcom4,
  noCoverageNote,
  readabilityFit,
  reusabilityPart,
  scoreQuality,
  substanceFit,
  type DocumentationFacts,
  type QualityInput,
} from "@/lib/quality";

const undocumented: DocumentationFacts = {
  hasDocstring: false,
  parametersDescribed: 0,
  annotatedParameters: 0,
  annotatableParameters: 2,
  returnAnnotated: false,
  needsReturnAnnotation: true,
};

// 12 statements, CC 7, cognitive 9: moderate and readable, so complexity = 1 − e^(−12/4) = 0.9502.
const input: QualityInput = { complexity: { cyclomatic: 7, cognitive: 9, statements: 12 }, documentation: undocumented, coverage: 0.5, uses: 2, fanOut: 6 };

describe("quality parts", () => {
  it("gives an empty body 0 and a one-statement body 0.22 for complexity, not the best score", () => {
    expect(complexityPart({ cyclomatic: 1, cognitive: 0, statements: 0 })).toBe(0);
    expect(complexityPart({ cyclomatic: 1, cognitive: 0, statements: 1 })).toBeCloseTo(1 - Math.exp(-0.25), 10);
    expect(complexityPart({ cyclomatic: 1, cognitive: 0, statements: 1 })).toBeCloseTo(0.2212, 4);
  });

  it("is best for moderate, readable logic and falls past SonarSource's 15 and radon's rank B", () => {
    const moderate = complexityPart({ cyclomatic: 3, cognitive: 2, statements: 10 });
    expect(moderate).toBeCloseTo(0.9179, 4);
    // CC 12: (30 − 12) / 20 = 0.9 of 1 − e^(−3).
    expect(complexityPart({ cyclomatic: 12, cognitive: 15, statements: 12 })).toBeCloseTo(0.9 * (1 - Math.exp(-3)), 10);
    // CC 20 and cognitive 30 both halve it; 60 statements keep 40/60 of the rest.
    expect(complexityPart({ cyclomatic: 20, cognitive: 30, statements: 60 })).toBeCloseTo(0.5 * (40 / 60), 6);
    expect(complexityPart({ cyclomatic: 40, cognitive: 50, statements: 30 })).toBe(0);
    expect(readabilityFit(10, 15)).toBe(1);
    expect(readabilityFit(20, 0)).toBe(0.5);
    expect(readabilityFit(1, 45)).toBe(0);
    expect(substanceFit(4)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect([40, 80].map(brevityFit)).toEqual([1, 0.5]);
  });

  it("judges a class by the statements of all its methods and their mean readability", () => {
    const accessor = { cyclomatic: 1, cognitive: 0, statements: 1 };
    const method = { cyclomatic: 4, cognitive: 5, statements: 8 };
    expect(classComplexityPart([accessor, accessor, method], accessor)).toBeCloseTo(1 - Math.exp(-10 / 4), 10);
    const tangled = { cyclomatic: 4, cognitive: 30, statements: 8 };
    expect(classComplexityPart([accessor, accessor, tangled], accessor)).toBeCloseTo((1 - Math.exp(-10 / 4)) * (2.5 / 3), 10);
    expect(classComplexityPart([], { cyclomatic: 1, cognitive: 0, statements: 0 })).toBe(0);
  });

  it("scores documentation half on prose and half on types", () => {
    expect(documentationPart(undocumented)).toBe(0);
    expect(documentationPart({ ...undocumented, hasDocstring: true, parametersDescribed: 0.5 })).toBeCloseTo(0.4, 10);
    expect(documentationPart({ ...undocumented, annotatedParameters: 2, returnAnnotated: true })).toBe(0.5);
    expect(documentationPart({ ...undocumented, annotatableParameters: 0, needsReturnAnnotation: false })).toBe(0.5);
  });

  it("saturates reusability and penalises fan-out and split classes", () => {
    expect([0, 1, 2, 8].map(reusabilityPart)).toEqual([0, 1 / 3, 0.5, 0.8]);
    expect(couplingScore(4)).toBe(1);
    expect(couplingScore(12)).toBe(0.5);
    expect(cohesionScore(1)).toBe(1);
    expect(cohesionScore(2)).toBe(0.5);
  });
});

describe("lcom4", () => {
  it("counts connected groups of methods through shared attributes and calls", () => {
    const cohesive = [
      { name: "get", attributes: ["items"], calls: [] },
      { name: "save", attributes: ["items"], calls: [] },
      { name: "report", attributes: [], calls: ["get"] },
    ];
    const split = [
      { name: "get", attributes: ["items"], calls: [] },
      { name: "save", attributes: ["items"], calls: [] },
      { name: "send_mail", attributes: ["smtp"], calls: [] },
      { name: "format", attributes: [], calls: [] },
    ];
    expect(lcom4(cohesive)).toBe(1);
    expect(lcom4(split)).toBe(3);
    expect(lcom4([])).toBe(1);
  });
});

describe("scoreQuality", () => {
  it("weighs the five parts 0.30/0.20/0.20/0.15/0.15 and stores them", () => {
    const quality = scoreQuality(input);
    expect(quality.parts).toEqual({ complexity: 0.9502, documentation: 0, testCoverage: 0.5, reusability: 0.5, maintainability: 0.8 });
    expect(quality.weights).toEqual({ complexity: 0.3, documentation: 0.2, testCoverage: 0.2, reusability: 0.15, maintainability: 0.15 });
    expect(quality.score).toBeCloseTo(0.3 * 0.9502 + 0.2 * 0.5 + 0.15 * 0.5 + 0.15 * 0.8, 4);
    expect(quality.notes).toEqual([]);
  });

  it("re-normalises the other four weights to sum to 1 when coverage is unknown, and says so", () => {
    const quality = scoreQuality({ ...input, coverage: null });
    expect(quality.parts.testCoverage).toBeNull();
    expect(quality.weights).toEqual({ complexity: 0.375, documentation: 0.25, testCoverage: 0, reusability: 0.1875, maintainability: 0.1875 });
    expect(Object.values(quality.weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    expect(quality.score).toBeCloseTo(0.375 * 0.9502 + 0.1875 * 0.5 + 0.1875 * 0.8, 4);
    expect(quality.notes).toEqual([noCoverageNote]);
  });

  it("moves each part the right way when its input improves", () => {
    // A tangled start (cognitive 30) so that untangling it can show.
    const tangled: QualityInput = { ...input, complexity: { cyclomatic: 7, cognitive: 30, statements: 12 } };
    const base = scoreQuality(tangled);
    const untangled = scoreQuality({ ...tangled, complexity: { cyclomatic: 7, cognitive: 9, statements: 12 } });
    const documented = scoreQuality({ ...tangled, documentation: { ...undocumented, hasDocstring: true, parametersDescribed: 1 } });
    const tested = scoreQuality({ ...tangled, coverage: 1 });
    const reused = scoreQuality({ ...tangled, uses: 6 });
    const decoupled = scoreQuality({ ...tangled, fanOut: 2 });
    expect(base.parts.complexity).toBeCloseTo(0.5 * (1 - Math.exp(-3)), 4);
    expect(untangled.parts.complexity).toBeGreaterThan(base.parts.complexity);
    expect(documented.parts.documentation).toBeGreaterThan(base.parts.documentation);
    expect(tested.parts.testCoverage).toBeGreaterThan(base.parts.testCoverage!);
    expect(reused.parts.reusability).toBeGreaterThan(base.parts.reusability);
    expect(decoupled.parts.maintainability).toBeGreaterThan(base.parts.maintainability);
    for (const better of [untangled, documented, tested, reused, decoupled]) expect(better.score).toBeGreaterThan(base.score);
  });

  it("scores a one-line delegator below a ten-statement function documented alike, though it calls less", () => {
    const documented = { ...undocumented, hasDocstring: true, parametersDescribed: 1, annotatedParameters: 2, returnAnnotated: true };
    const delegator = scoreQuality({ ...input, complexity: { cyclomatic: 1, cognitive: 0, statements: 1 }, documentation: documented, fanOut: 1 });
    const worker = scoreQuality({ ...input, complexity: { cyclomatic: 4, cognitive: 5, statements: 10 }, documentation: documented });
    expect(delegator.parts.complexity).toBeCloseTo(0.2212, 4);
    expect(worker.parts.complexity).toBeCloseTo(0.9179, 4);
    // 0.3 × (0.9179 − 0.2212) gained on complexity, 0.15 × (1 − 0.8) lost on coupling (fan-out 6 vs 1).
    expect(worker.score - delegator.score).toBeCloseTo(0.3 * (0.9179 - 0.2212) - 0.15 * 0.2, 3);
  });

  it("lowers maintainability of a class that splits into unrelated method groups", () => {
    expect(scoreQuality({ ...input, lcom4: 1 }).parts.maintainability).toBe(0.9);
    expect(scoreQuality({ ...input, lcom4: 3 }).parts.maintainability).toBeCloseTo((0.8 + 1 / 3) / 2, 4);
  });
});
