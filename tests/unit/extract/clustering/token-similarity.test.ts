import { describe, expect, it } from "vitest";
import { lcsLength, similarityBound, tokenSimilarity, tokenSimilarityAtLeast } from "@/lib/extract/clustering/token-similarity";

/** Plain O(n·m) dynamic programme: the reference the bit-parallel version must equal. */
function referenceLcs(a: Int32Array, b: Int32Array): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    previous = row;
  }
  return previous[b.length];
}

/** A small deterministic generator so failures reproduce. */
function generator(seed: number): (limit: number) => number {
  let state = seed >>> 0;
  return (limit) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % limit;
  };
}

function randomSequence(next: (limit: number) => number, length: number, alphabet: number, offset = 0): Int32Array {
  return Int32Array.from({ length }, () => next(alphabet) + offset);
}

/** `b` as a near copy of `a`: some tokens dropped, some changed, some inserted. */
function mutated(next: (limit: number) => number, a: Int32Array, alphabet: number): Int32Array {
  const out: number[] = [];
  for (const symbol of a) {
    const roll = next(20);
    if (roll === 0) continue;
    out.push(roll === 1 ? next(alphabet) : symbol);
    if (roll === 2) out.push(next(alphabet));
  }
  return Int32Array.from(out);
}

describe("lcsLength", () => {
  it("equals the dynamic programme on edge cases", () => {
    const cases: [number[], number[]][] = [
      [[], []],
      [[], [1, 2]],
      [[5], [5]],
      [[5], [6]],
      [Array(32).fill(1), Array(32).fill(1)],
      [Array(33).fill(1), Array(31).fill(1)],
      [Array(64).fill(7), Array(200).fill(7)],
      [Array.from({ length: 96 }, (_, i) => i), Array.from({ length: 96 }, (_, i) => 95 - i)],
      // Carries that run across several words: all ones matched by one long run.
      [Array(65).fill(0).concat([1]), [1].concat(Array(130).fill(0))],
      // Symbols that are not small token ids go through the general lookup.
      [[-3, 2_000_000, -3, 9], [9, -3, 2_000_000, 9, -3]],
    ];
    for (const [first, second] of cases) {
      const a = Int32Array.from(first);
      const b = Int32Array.from(second);
      expect(lcsLength(a, b)).toBe(referenceLcs(a, b));
      expect(lcsLength(b, a)).toBe(referenceLcs(a, b));
    }
  });

  it("equals the dynamic programme on random and near-copy sequences across word boundaries", () => {
    const next = generator(42);
    for (let trial = 0; trial < 400; trial++) {
      const alphabet = [2, 4, 12, 60][trial % 4];
      const a = randomSequence(next, next(170), alphabet, trial % 7 === 0 ? -30 : 0);
      const b = trial % 2 === 0 ? mutated(next, a, alphabet) : randomSequence(next, next(170), alphabet);
      expect(lcsLength(a, b)).toBe(referenceLcs(a, b));
      expect(lcsLength(b, a)).toBe(referenceLcs(a, b));
    }
  });
});

describe("tokenSimilarityAtLeast", () => {
  it("returns the exact similarity at or above the floor and a value below it otherwise", () => {
    const next = generator(7);
    let below = 0;
    let above = 0;
    for (let trial = 0; trial < 400; trial++) {
      const a = randomSequence(next, 1 + next(150), 8);
      const b = trial % 3 === 0 ? randomSequence(next, 1 + next(150), 8) : mutated(next, a, 8);
      const exact = (2 * referenceLcs(a, b)) / (a.length + b.length);
      expect(tokenSimilarity(a, b)).toBe(exact);
      for (const floor of [0, 0.5, 0.7, 0.9, exact]) {
        const bounded = tokenSimilarityAtLeast(a, b, floor);
        if (exact >= floor) {
          expect(bounded).toBe(exact);
          above++;
        } else {
          expect(bounded).toBeLessThan(floor);
          below++;
        }
      }
    }
    // Both branches were exercised.
    expect(below).toBeGreaterThan(50);
    expect(above).toBeGreaterThan(50);
  });

  it("treats two empty sequences as identical", () => {
    expect(tokenSimilarityAtLeast(new Int32Array(0), new Int32Array(0), 0.9)).toBe(1);
    expect(tokenSimilarityAtLeast(new Int32Array(0), Int32Array.of(1), 0.5)).toBeLessThan(0.5);
  });
});

describe("similarityBound", () => {
  it("counts, per symbol, the fewer occurrences of the two sequences", () => {
    const next = generator(99);
    for (let trial = 0; trial < 300; trial++) {
      // Token ids, and now and then symbols that cannot index a table.
      const offset = trial % 5 === 0 ? -40 : trial % 7 === 0 ? 3_000_000 : 0;
      const a = randomSequence(next, next(80), 1 + next(30), offset);
      const b = randomSequence(next, next(80), 1 + next(30), offset);
      let shared = 0;
      for (const symbol of new Set(a)) shared += Math.min(a.filter((value) => value === symbol).length, b.filter((value) => value === symbol).length);
      const expected = a.length + b.length === 0 ? 1 : (2 * shared) / (a.length + b.length);
      expect(similarityBound(a, b)).toBe(expected);
      expect(similarityBound(b, a)).toBe(expected);
    }
  });
});
