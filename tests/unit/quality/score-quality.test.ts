import { describe, expect, it } from "vitest";
import {
  cohesionScore,
  complexityPart,
  couplingScore,
  documentationPart,
  lcom4,
  noCoverageNote,
  reusabilityPart,
  scoreQuality,
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

const input: QualityInput = { cyclomatic: 7, documentation: undocumented, coverage: 0.5, uses: 2, fanOut: 6 };

describe("quality parts", () => {
  it("maps complexity 1 to 1, 13 to 0.5 and 25 or more to 0", () => {
    expect(complexityPart(1)).toBe(1);
    expect(complexityPart(13)).toBe(0.5);
    expect(complexityPart(25)).toBe(0);
    expect(complexityPart(40)).toBe(0);
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
    expect(quality.parts).toEqual({ complexity: 0.75, documentation: 0, testCoverage: 0.5, reusability: 0.5, maintainability: 0.8 });
    expect(quality.weights).toEqual({ complexity: 0.3, documentation: 0.2, testCoverage: 0.2, reusability: 0.15, maintainability: 0.15 });
    expect(quality.score).toBeCloseTo(0.3 * 0.75 + 0.2 * 0.5 + 0.15 * 0.5 + 0.15 * 0.8, 4);
    expect(quality.notes).toEqual([]);
  });

  it("re-normalises the other four weights to sum to 1 when coverage is unknown, and says so", () => {
    const quality = scoreQuality({ ...input, coverage: null });
    expect(quality.parts.testCoverage).toBeNull();
    expect(quality.weights).toEqual({ complexity: 0.375, documentation: 0.25, testCoverage: 0, reusability: 0.1875, maintainability: 0.1875 });
    expect(Object.values(quality.weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    expect(quality.score).toBeCloseTo(0.375 * 0.75 + 0.1875 * 0.5 + 0.1875 * 0.8, 4);
    expect(quality.notes).toEqual([noCoverageNote]);
  });

  it("moves each part the right way when its input improves", () => {
    const base = scoreQuality(input);
    const simpler = scoreQuality({ ...input, cyclomatic: 2 });
    const documented = scoreQuality({ ...input, documentation: { ...undocumented, hasDocstring: true, parametersDescribed: 1 } });
    const tested = scoreQuality({ ...input, coverage: 1 });
    const reused = scoreQuality({ ...input, uses: 6 });
    const decoupled = scoreQuality({ ...input, fanOut: 2 });
    expect(simpler.parts.complexity).toBeGreaterThan(base.parts.complexity);
    expect(documented.parts.documentation).toBeGreaterThan(base.parts.documentation);
    expect(tested.parts.testCoverage).toBeGreaterThan(base.parts.testCoverage!);
    expect(reused.parts.reusability).toBeGreaterThan(base.parts.reusability);
    expect(decoupled.parts.maintainability).toBeGreaterThan(base.parts.maintainability);
    for (const better of [simpler, documented, tested, reused, decoupled]) expect(better.score).toBeGreaterThan(base.score);
  });

  it("lowers maintainability of a class that splits into unrelated method groups", () => {
    expect(scoreQuality({ ...input, lcom4: 1 }).parts.maintainability).toBe(0.9);
    expect(scoreQuality({ ...input, lcom4: 3 }).parts.maintainability).toBeCloseTo((0.8 + 1 / 3) / 2, 4);
  });
});
