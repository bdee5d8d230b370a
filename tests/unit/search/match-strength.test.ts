import { describe, expect, it } from "vitest";
import { matchStrength, summarizeStrength } from "@/lib/search";

const evidence = { similarity: 0.5, similarityZ: 4, vectorRank: 3, textRank: 4 };

describe("matchStrength", () => {
  it("calls a result that stands out and holds the intent's words strong", () => {
    expect(matchStrength(evidence).strength).toBe("strong");
  });

  it("calls it weak when it does not stand out far enough, or its words are missing", () => {
    expect(matchStrength({ ...evidence, similarityZ: 3.4 })).toEqual({ strength: "weak", reason: "similarity only 3.4 σ above the other candidates (strong needs 3.5)" });
    expect(matchStrength({ ...evidence, textRank: 11 })).toEqual({ strength: "weak", reason: "the intent's words are not found in it" });
    expect(matchStrength({ ...evidence, textRank: null }).strength).toBe("weak");
  });

  it("calls the leader of both lists strong from 0.75 similarity, even in a project too small to compare", () => {
    const leader = { similarity: 0.75, similarityZ: null, vectorRank: 1, textRank: 1 };
    expect(matchStrength(leader)).toEqual({ strength: "strong", reason: "first by meaning and by words, similarity 0.75" });
    expect(matchStrength({ ...leader, similarity: 0.74 }).strength).toBe("weak");
    expect(matchStrength({ ...leader, textRank: 2 }).reason).toMatch(/^fewer than 20 patterns/);
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
