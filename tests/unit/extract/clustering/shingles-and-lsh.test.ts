import { describe, expect, it } from "vitest";
import { LshIndex } from "@/lib/extract/clustering/lsh-index";
import { minHashSignature, shingleLength, shingleSet } from "@/lib/extract/clustering/shingles";

/** FNV-1a of the tokens joined by U+0001, the shingle hash, written the plain way. */
function joinedHash(tokens: string[]): number {
  let hash = 0x811c9dc5;
  for (const char of tokens.join("\u0001")) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

function referenceShingles(tokens: string[]): number[] {
  if (tokens.length <= shingleLength) return [joinedHash(tokens)];
  const hashes = new Set<number>();
  for (let start = 0; start + shingleLength <= tokens.length; start++) hashes.add(joinedHash(tokens.slice(start, start + shingleLength)));
  return [...hashes].sort((a, b) => a - b);
}

describe("shingleSet", () => {
  it("gives the distinct hashes of every window of three tokens, ascending", () => {
    const sequences = [
      [],
      ["$"],
      ["def", "$"],
      ["if", "$", ":"],
      ["return", "$", "+", "<num>"],
      ["$", "=", "$", "$", "=", "$", "$", "=", "$", "$", "=", "$"],
      "for $ in $ : if $ . get ( $ ) : yield $ else : raise $ ( <str> )".split(" "),
    ];
    for (const tokens of sequences) expect([...shingleSet(tokens)]).toEqual(referenceShingles(tokens));
  });

  it("counts a repeated window once", () => {
    expect(shingleSet(["a", "b", "c", "a", "b", "c", "a", "b", "c"])).toHaveLength(3);
  });
});

/** A signature whose first `shared` bands of four rows equal the base signature's, the rest differing. */
function signatureSharing(base: Uint32Array, shared: number, salt: number): Uint32Array {
  const signature = Uint32Array.from(base);
  for (let row = shared * 4; row < signature.length; row++) signature[row] = (base[row] + salt) >>> 0;
  return signature;
}

describe("LshIndex", () => {
  const base = minHashSignature(shingleSet("for $ in $ : $ . append ( $ )".split(" ")));

  it("ranks items by how many bands they share, ties in the order they were hit, at most the limit", () => {
    const index = new LshIndex(4);
    index.add(0, signatureSharing(base, 1, 1), "python:callable");
    index.add(1, signatureSharing(base, 3, 2), "python:callable");
    index.add(2, signatureSharing(base, 2, 3), "python:callable");
    index.add(3, signatureSharing(base, 1, 4), "python:callable");
    expect(index.candidates(base, "python:callable", 10)).toEqual([1, 2, 0, 3]);
    expect(index.candidates(base, "python:callable", 2)).toEqual([1, 2]);
  });

  it("finds items only in the same bucket", () => {
    const index = new LshIndex(4);
    index.add(0, base, "python:class");
    index.add(1, base, "python:callable");
    expect(index.candidates(base, "python:callable", 10)).toEqual([1]);
    expect(index.candidates(base, "ecmascript:callable", 10)).toEqual([]);
  });

  it("never takes different bands for one (rows that swap their 16-bit halves)", () => {
    const index = new LshIndex(2);
    const first = new Uint32Array(4).fill(7);
    first.set([1, 65536]);
    const second = new Uint32Array(4).fill(9);
    second.set([65536, 1]);
    index.add(0, first, "python:callable");
    expect(index.candidates(second, "python:callable", 10)).toEqual([]);
    expect(index.candidates(first, "python:callable", 10)).toEqual([0]);
  });

  it("keeps at most the bucket limit of items per band", () => {
    const index = new LshIndex(4, 2);
    for (let item = 0; item < 5; item++) index.add(item, base, "python:callable");
    expect(index.candidates(base, "python:callable", 10)).toEqual([0, 1]);
  });

  it("finds exactly the items sharing a band with the query, however many bands hash alike", () => {
    // 30,000 two-band signatures over a small alphabet: many bands recur, and among ~10^5
    // distinct bands some share the index's 30-bit hash. A plain map of band texts is the reference.
    let seed = 7;
    const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) % 300;
    const index = new LshIndex(2);
    const reference = new Map<string, number[]>();
    const bandsOf = (signature: Uint32Array) => [`0:${signature[0]},${signature[1]}`, `1:${signature[2]},${signature[3]}`];
    const mismatches: string[] = [];
    for (let item = 0; item < 30_000; item++) {
      const signature = Uint32Array.of(random(), random(), random(), random());
      const shared = new Map<number, number>();
      for (const band of bandsOf(signature)) for (const other of reference.get(band) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
      const found = index.candidates(signature, "python:callable", 5);
      // Items sharing as many bands may come in any hit order: compare the counts in order, and that each was found.
      const expectedCounts = [...shared.values()].sort((a, b) => b - a).slice(0, 5).join();
      if (found.map((other) => shared.get(other)).join() !== expectedCounts) mismatches.push(`item ${item}: ${found.join()} vs ${[...shared].join(" ")}`);
      index.add(item, signature, "python:callable");
      for (const band of bandsOf(signature)) {
        const items = reference.get(band);
        if (!items) reference.set(band, [item]);
        else if (items.length < 128) items.push(item);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
