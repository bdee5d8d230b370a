import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageShares, sampleUnits, unitKeyOf } from "@/tests/bench/detector-eval/agreement-sample";
import { cohensKappa, disagreements, kindAgreement, parseAgreementNotes, pooledAgreement, wilsonInterval } from "@/tests/bench/detector-eval/agreement-score";
import { readLabelSet, type PackageLabels } from "@/tests/bench/detector-eval/label-set";

const entry = (qualname: string, kinds: PackageLabels["entries"][number]["kinds"]) => ({ path: "m.py", qualname, line: 1, kinds });
const fakeSet: PackageLabels[] = [
  { package: "a", ecosystem: "debian", version: "1", split: "held-out", entries: ["f1", "f2", "f3", "f4", "f5", "f6"].map((name) => entry(name, ["factory"])) },
  { package: "b", ecosystem: "npm", version: "1", split: "never-tuned", entries: ["g1", "g2"].map((name) => entry(name, [])) },
  { package: "c", ecosystem: "npm", version: "1", split: "tune", entries: [entry("t1", ["builder"])] },
];

describe("the two-labeller agreement", () => {
  it("computes Cohen's kappa from the 2x2 table (observed 0.7, chance 0.5 → 0.4)", () => {
    expect(cohensKappa(20, 5, 10, 15)).toBeCloseTo(0.4, 10);
    expect(cohensKappa(3, 0, 0, 7)).toBe(1);
    expect(cohensKappa(0, 0, 0, 9)).toBeUndefined();
  });

  it("takes labeller 2 as predictions against labeller 1, per kind and pooled", () => {
    const units = [
      { key: "u1", first: ["factory" as const], second: ["factory" as const] },
      { key: "u2", first: ["factory" as const], second: [] },
      { key: "u3", first: [], second: ["adapter" as const] },
      { key: "u4", first: [], second: [] },
    ];
    expect(kindAgreement(units, "factory")).toMatchObject({ tp: 1, fp: 0, fn: 1, tn: 2, precision: 1, recall: 0.5 });
    expect(pooledAgreement(units, ["factory", "adapter"])).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 5 });
    expect(disagreements(units, ["factory", "adapter"]).map((unit) => unit.key)).toEqual(["u2", "u3"]);
    expect(disagreements(units, ["factory"]).map((unit) => unit.key)).toEqual(["u2"]);
  });

  it("gives the Wilson interval of a proportion", () => {
    expect(wilsonInterval(5, 10)![0]).toBeCloseTo(0.237, 3);
    expect(wilsonInterval(5, 10)![1]).toBeCloseTo(0.763, 3);
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it("parses notes and names the line that is wrong", () => {
    expect(parseAgreementNotes("# a comment\nnpm:x:a.js A.b 3 builder,factory\ndebian:y:m.py f 9 -\n")).toEqual([
      { location: "npm:x:a.js", qualname: "A.b", line: 3, kinds: ["builder", "factory"] },
      { location: "debian:y:m.py", qualname: "f", line: 9, kinds: [] },
    ]);
    expect(() => parseAgreementNotes("npm:x:a.js A.b 3 bilder")).toThrow(/line 1: unknown kind/);
    expect(() => parseAgreementNotes("npm:x:a.js A.b builder")).toThrow(/line 1: expected/);
  });

  it("shares the sample among packages in proportion, summing to the size", () => {
    expect(packageShares([6, 2, 2], 5)).toEqual([3, 1, 1]);
    expect(packageShares([1, 1, 1], 2).reduce((sum, share) => sum + share, 0)).toBe(2);
    expect(packageShares([2], 10)).toEqual([2]);
  });

  it("draws from the chosen splits only, the same units for the same seed, and carries no kinds", () => {
    const options = { size: 4, seed: 13, splits: ["held-out", "never-tuned"] as const };
    const sample = sampleUnits(fakeSet, options);
    expect(sample).toHaveLength(4);
    expect(sample.filter((unit) => unit.packageKey === "debian:a")).toHaveLength(3);
    expect(sample.some((unit) => unit.packageKey === "npm:c")).toBe(false);
    expect(sampleUnits(fakeSet, options)).toEqual(sample);
    for (const unit of sample) expect(Object.keys(unit).sort()).toEqual(["key", "line", "packageKey", "path", "qualname"]);
  });

  it("keeps the committed second labels on held-out and never-tuned units of the set", () => {
    const notes = parseAgreementNotes(readFileSync(path.resolve(import.meta.dirname, "../../fixtures/labels/agreement/labeller-2.txt"), "utf8"));
    const splitOf = new Map(readLabelSet().flatMap((labels) => labels.entries.map((item) => [unitKeyOf(labels, item), labels.split] as const)));
    expect(notes.length).toBeGreaterThanOrEqual(150);
    for (const note of notes) expect(splitOf.get(`${note.location}#${note.qualname}:${note.line}`), note.qualname).toMatch(/^(held-out|never-tuned)$/);
  });
});
