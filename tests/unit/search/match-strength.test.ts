import { describe, expect, it } from "vitest";
import { matchStrength, summarizeStrength, type StrengthEvidence } from "@/lib/search";

const evidence: StrengthEvidence = { position: 1, vectorRank: 3, textRank: 1, intentWords: 4, wordsFound: 2, candidates: "enough" };

describe("matchStrength", () => {
  it("calls the first result strong when the intent's words pick it first, it is among the first three by meaning and holds half the words", () => {
    expect(matchStrength(evidence)).toEqual({ strength: "strong", reason: "first by the intent's words, #3 by meaning, 2 of the intent's 4 words found in it" });
  });

  it("calls it weak, saying which condition failed first", () => {
    expect(matchStrength({ ...evidence, position: 2 })).toEqual({ strength: "weak", reason: "not the first result" });
    expect(matchStrength({ ...evidence, textRank: 2 })).toEqual({ strength: "weak", reason: "the intent's words rank another pattern first (it is #2 by words)" });
    expect(matchStrength({ ...evidence, textRank: null }).reason).toBe("the intent's words do not pick it (not in the full-text list)");
    expect(matchStrength({ ...evidence, vectorRank: 4 })).toEqual({ strength: "weak", reason: "by meaning it is only #4 (strong needs #1–3)" });
    expect(matchStrength({ ...evidence, vectorRank: null }).strength).toBe("weak");
    expect(matchStrength({ ...evidence, wordsFound: 1 })).toEqual({ strength: "weak", reason: "only 1 of the intent's 4 words found in it (strong needs half, or 3)" });
    expect(matchStrength({ ...evidence, intentWords: 0, wordsFound: 0 }).reason).toBe("the intent has no words to look for in it");
  });

  it("takes three of a long prompt's words as enough", () => {
    expect(matchStrength({ ...evidence, intentWords: 12, wordsFound: 3 }).strength).toBe("strong");
    expect(matchStrength({ ...evidence, intentWords: 12, wordsFound: 2 }).strength).toBe("weak");
  });

  it("in a project too small to compare, only the leader by meaning can be strong", () => {
    const small = { ...evidence, candidates: "few" } as const;
    expect(matchStrength(small)).toEqual({ strength: "weak", reason: "by meaning it is only #3 (strong needs #1 in a project this small)" });
    expect(matchStrength({ ...small, vectorRank: 1 }).strength).toBe("strong");
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
