import { describe, expect, it } from "vitest";
import { matchStrength, scoreLead, strengthModel, strengthProbability, summarizeStrength, type StrengthEvidence } from "@/lib/search";

// First by words and by meaning, every word of the intent in it, far above the other candidates,
// scoring three times the next result, and the re-ranker's clear pick of its candidates.
const clear: StrengthEvidence = { position: 1, vectorRank: 1, textRank: 1, intentWords: 4, wordsFound: 4, similarityZ: 4, scoreLead: Math.log(3), rerankShare: 0.95 };
// Not picked by words, one word of four, barely above the rest, level with the next result.
const vague: StrengthEvidence = { position: 1, vectorRank: 3, textRank: null, intentWords: 4, wordsFound: 1, similarityZ: 1, scoreLead: 0 };

describe("matchStrength", () => {
  it("calls a first result strong when the model's chance that it is right reaches the threshold, and says why", () => {
    expect(strengthProbability(clear)).toBeGreaterThanOrEqual(strengthModel.threshold);
    const strength = matchStrength(clear);
    expect(strength.strength).toBe("strong");
    expect(strength.reason).toMatch(/^#1 by the intent's words, #1 by meaning, 4 of the intent's 4 words found in it, 4\.0 σ above the other candidates, score 3\.00× the next result's, re-ranker's pick of its candidates at 0\.95: chance of being right 0\.\d\d \(strong from 0\.\d\d\)$/);
  });

  it("calls it weak below the threshold, with the chance first", () => {
    expect(strengthProbability(vague)).toBeLessThan(strengthModel.threshold);
    const strength = matchStrength(vague);
    expect(strength.strength).toBe("weak");
    expect(strength.reason).toMatch(/^chance of being right 0\.\d\d \(strong from 0\.\d\d\): not in the full-text list, #3 by meaning, 1 of the intent's 4 words found in it, 1\.0 σ above/);
  });

  it("never calls a result after the first strong", () => {
    expect(matchStrength({ ...clear, position: 2 })).toEqual({ strength: "weak", reason: "not the first result" });
  });

  it("gives a higher chance for each part of the rank that speaks for the result", () => {
    const base: StrengthEvidence = { position: 1, vectorRank: 2, textRank: 2, intentWords: 6, wordsFound: 3, similarityZ: 2, scoreLead: 0.1 };
    const chance = strengthProbability(base);
    expect(strengthProbability({ ...base, textRank: 1 })).toBeGreaterThan(chance);
    expect(strengthProbability({ ...base, textRank: null })).toBeLessThan(chance);
    expect(strengthProbability({ ...base, wordsFound: 5 })).toBeGreaterThan(chance);
    expect(strengthProbability({ ...base, similarityZ: 3 })).toBeGreaterThan(chance);
    expect(strengthProbability({ ...base, scoreLead: 0.4 })).toBeGreaterThan(chance);
    expect(strengthProbability({ ...base, rerankShare: 0.7 })).toBeGreaterThan(chance);
    // No next result (a limit of 1): no lead is read.
    expect(strengthProbability({ ...base, scoreLead: null })).toBe(strengthProbability({ ...base, scoreLead: 0 }));
    expect(chance).toBeGreaterThan(0);
    expect(chance).toBeLessThan(1);
  });

  it("in a project too small to read a spread, needs the lead in both lists and half the intent's words", () => {
    const small = { ...clear, similarityZ: null };
    expect(matchStrength(small)).toEqual({
      strength: "strong",
      reason: "#1 by the intent's words, #1 by meaning, 4 of the intent's 4 words found in it (in a project this small, strong needs #1 by words and by meaning and half the intent's words)",
    });
    expect(matchStrength({ ...small, vectorRank: 2 }).strength).toBe("weak");
    expect(matchStrength({ ...small, textRank: 2 }).strength).toBe("weak");
    expect(matchStrength({ ...small, wordsFound: 1 }).strength).toBe("weak");
  });

  it("a long prompt with many of its words in the result can still be strong", () => {
    const prompt: StrengthEvidence = { position: 1, vectorRank: 1, textRank: 1, intentWords: 12, wordsFound: 8, similarityZ: 4, scoreLead: 0.6, rerankShare: 0.95 };
    expect(matchStrength(prompt).strength).toBe("strong");
    expect(matchStrength({ ...prompt, wordsFound: 1 }).strength).toBe("weak");
  });
});

describe("scoreLead", () => {
  it("is ln(score / next score), 0 when the result does not lead, null with no next result", () => {
    expect(scoreLead(0.6, 0.4)).toBeCloseTo(Math.log(1.5), 10);
    expect(scoreLead(0.4, 0.6)).toBe(0);
    expect(scoreLead(0.4, 0)).toBe(0);
    expect(scoreLead(0.4, undefined)).toBeNull();
  });
});

describe("summarizeStrength", () => {
  it("says how many are strong, or that none is", () => {
    expect(summarizeStrength(2, 5)).toBe("2 strong matches");
    expect(summarizeStrength(1, 5)).toBe("1 strong match");
    expect(summarizeStrength(0, 5)).toMatch(/^no strong match/);
    expect(summarizeStrength(0, 0)).toBe("no pattern matched");
  });
});
