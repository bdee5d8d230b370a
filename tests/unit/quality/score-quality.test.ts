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
  explainingDocstring: false,
  parametersDescribed: 0,
  annotatedParameters: 0,
  annotatableParameters: 2,
  returnAnnotated: false,
  needsReturnAnnotation: true,
};

// 12 statements, CC 7 (radon rank B: 1 − 0.3 × 2/5 = 0.88), cognitive 9 (0.9643): complexity = 0.88 × (1 − e^(−12/4)) = 0.8362.
const input: QualityInput = { complexity: { cyclomatic: 7, cognitive: 9, statements: 12 }, documentation: undocumented, coverage: 0.5, fanIn: { callers: 2, callerFiles: 1 }, fanOut: 6 };
// The parts unrounded (they are stored to four places; the score is computed before rounding):
// complexity 0.88 × (1 − e^(−3)), reuse of two callers in one other file 1 − e^(−3/6).
const exactComplexity = 0.88 * (1 - Math.exp(-3));
const exactReuse = 1 - Math.exp(-3 / 6);

describe("quality parts", () => {
  it("gives an empty body 0 and a one-statement body 0.22 for complexity, not the best score", () => {
    expect(complexityPart({ cyclomatic: 1, cognitive: 0, statements: 0 })).toBe(0);
    expect(complexityPart({ cyclomatic: 1, cognitive: 0, statements: 1 })).toBeCloseTo(1 - Math.exp(-0.25), 10);
    expect(complexityPart({ cyclomatic: 1, cognitive: 0, statements: 1 })).toBeCloseTo(0.2212, 4);
  });

  it("reads cyclomatic complexity on radon's ranks and ESLint's limit, cognitive on SonarSource's", () => {
    const moderate = complexityPart({ cyclomatic: 3, cognitive: 2, statements: 10 });
    expect(moderate).toBeCloseTo(0.9179, 4);
    // Rank A (≤ 5) reads as 1; the top of rank B (10) 0.7; the top of rank C and ESLint's limit (20) 0.4; rank D's end 0.2.
    expect([1, 5, 6, 10, 15, 20, 30, 40, 60].map((cyclomatic) => readabilityFit(cyclomatic, 0))).toEqual([1, 1, 0.94, 0.7, 0.55, 0.4, 0.2, 0.1, 0]);
    expect([8, 15, 30, 45].map((cognitive) => readabilityFit(1, cognitive))).toEqual([1, 0.75, 0.35, 0.1]);
    // A forEach with CC 10 and 6 statements is no longer 98 % on complexity.
    expect(complexityPart({ cyclomatic: 10, cognitive: 9, statements: 6 })).toBeCloseTo(0.7 * (1 - Math.exp(-1.5)), 10);
    expect(complexityPart({ cyclomatic: 10, cognitive: 9, statements: 6 })).toBeLessThan(0.6);
    // CC 20 (0.4) and cognitive 30 (0.35): the lower counts; 60 statements keep 40/60 of the rest.
    expect(complexityPart({ cyclomatic: 20, cognitive: 30, statements: 60 })).toBeCloseTo(0.35 * (1 - Math.exp(-15)) * (40 / 60), 6);
    expect(complexityPart({ cyclomatic: 60, cognitive: 50, statements: 30 })).toBe(0);
    expect(substanceFit(4)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect([40, 80].map(brevityFit)).toEqual([1, 0.5]);
  });

  it("judges a class by the statements of all its methods and their mean readability", () => {
    const accessor = { cyclomatic: 1, cognitive: 0, statements: 1 };
    const method = { cyclomatic: 4, cognitive: 5, statements: 8 };
    expect(classComplexityPart([accessor, accessor, method], accessor)).toBeCloseTo(1 - Math.exp(-10 / 4), 10);
    const tangled = { cyclomatic: 4, cognitive: 30, statements: 8 };
    expect(classComplexityPart([accessor, accessor, tangled], accessor)).toBeCloseTo((1 - Math.exp(-10 / 4)) * (2.35 / 3), 10);
    expect(classComplexityPart([], { cyclomatic: 1, cognitive: 0, statements: 0 })).toBe(0);
  });

  it("scores documentation mostly on prose that explains, less on types", () => {
    expect(documentationPart(undocumented)).toBe(0);
    // Fully typed, not a word of explanation: 0.3.
    expect(documentationPart({ ...undocumented, annotatedParameters: 2, returnAnnotated: true })).toBeCloseTo(0.3, 10);
    expect(documentationPart({ ...undocumented, annotatableParameters: 0, needsReturnAnnotation: false })).toBeCloseTo(0.3, 10);
    // A docstring that explains nothing (a tag, the name again) is not a real one.
    expect(documentationPart({ ...undocumented, hasDocstring: true })).toBeCloseTo(0.7 * 0.25, 10);
    expect(documentationPart({ ...undocumented, hasDocstring: true, explainingDocstring: true, parametersDescribed: 0.5 })).toBeCloseTo(0.7 * 0.85, 10);
    expect(documentationPart({ ...undocumented, hasDocstring: true, explainingDocstring: true, parametersDescribed: 1, annotatedParameters: 2, returnAnnotated: true })).toBe(1);
  });

  it("reads reuse from fan-in (caller units and files) and penalises fan-out and split classes", () => {
    const reuse = (callers: number, callerFiles: number) => reusabilityPart({ callers, callerFiles });
    expect(reuse(0, 0)).toBe(0);
    expect(reuse(1, 1)).toBeCloseTo(1 - Math.exp(-2 / 6), 10);
    expect(reuse(3, 2)).toBeCloseTo(0.5654, 4);
    expect(reuse(10, 5)).toBeCloseTo(0.9179, 4);
    expect(reuse(1, 0)).toBeLessThan(reuse(1, 1));
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
    expect(quality.parts).toEqual({ complexity: 0.8362, documentation: 0, testCoverage: 0.5, reusability: 0.3935, maintainability: 0.8 });
    expect(quality.weights).toEqual({ complexity: 0.3, documentation: 0.2, testCoverage: 0.2, reusability: 0.15, maintainability: 0.15 });
    expect(quality.score).toBeCloseTo(0.3 * exactComplexity + 0.2 * 0.5 + 0.15 * exactReuse + 0.15 * 0.8, 4);
    expect(quality.notes).toEqual([]);
  });

  it("re-normalises the other four weights to sum to 1 when coverage is unknown, and says so", () => {
    const quality = scoreQuality({ ...input, coverage: null });
    expect(quality.parts.testCoverage).toBeNull();
    expect(quality.weights).toEqual({ complexity: 0.375, documentation: 0.25, testCoverage: 0, reusability: 0.1875, maintainability: 0.1875 });
    expect(Object.values(quality.weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    expect(quality.score).toBeCloseTo(0.375 * exactComplexity + 0.1875 * exactReuse + 0.1875 * 0.8, 4);
    expect(quality.notes).toEqual([noCoverageNote]);
  });

  it("moves each part the right way when its input improves", () => {
    // A tangled start (cognitive 30) so that untangling it can show.
    const tangled: QualityInput = { ...input, complexity: { cyclomatic: 7, cognitive: 30, statements: 12 } };
    const base = scoreQuality(tangled);
    const untangled = scoreQuality({ ...tangled, complexity: { cyclomatic: 7, cognitive: 9, statements: 12 } });
    const documented = scoreQuality({ ...tangled, documentation: { ...undocumented, hasDocstring: true, explainingDocstring: true, parametersDescribed: 1 } });
    const tested = scoreQuality({ ...tangled, coverage: 1 });
    const reused = scoreQuality({ ...tangled, fanIn: { callers: 6, callerFiles: 4 } });
    const decoupled = scoreQuality({ ...tangled, fanOut: 2 });
    expect(base.parts.complexity).toBeCloseTo(0.35 * (1 - Math.exp(-3)), 4);
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
