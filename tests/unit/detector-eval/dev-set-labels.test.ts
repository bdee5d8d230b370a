import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { installedVersion, packageKey, packageRoot, readLabelSet, readTuneHalves, tuneHalfOf } from "@/tests/bench/detector-eval/label-set";
import { unitsOfFile } from "@/tests/bench/detector-eval/list-units";

const labelSet = readLabelSet();
// Packages whose labelled version is on this machine (`npm run labels:fetch` brings the npm part).
const installed = labelSet.filter((labels) => installedVersion(labels) === labels.version);

describe("the detector development set (tests/fixtures/labels/dev-set)", () => {
  it("puts every package in exactly one split, once", () => {
    const keys = labelSet.map((labels) => `${labels.ecosystem}:${labels.package}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(labelSet.map((labels) => labels.split))).toEqual(new Set(["tune", "held-out", "never-tuned", "blind-13", "blind-14"]));
  });

  it("lists only tune packages in the tune halves, each in one half, and leaves neither half without a kind's positives", () => {
    const halves = readTuneHalves();
    const tune = labelSet.filter((labels) => labels.split === "tune");
    const tuneKeys = new Set(tune.map(packageKey));
    for (const key of [...halves.A, ...halves.B]) expect(tuneKeys.has(key), key).toBe(true);
    expect(halves.A.filter((key) => halves.B.includes(key))).toEqual([]);
    const kinds = new Set(tune.flatMap((labels) => labels.entries.flatMap((entry) => entry.kinds)));
    for (const half of ["A", "B"] as const) {
      const inHalf = tune.filter((labels) => tuneHalfOf(labels, halves) === half);
      for (const kind of kinds) expect(inHalf.some((labels) => labels.entries.some((entry) => entry.kinds.includes(kind))), `${kind} in half ${half}`).toBe(true);
    }
  });

  it("labels each unit once", () => {
    for (const labels of labelSet) {
      const keys = labels.entries.map((entry) => `${entry.path}#${entry.qualname}:${entry.line}`);
      expect(new Set(keys).size, labels.package).toBe(keys.length);
    }
  });

  // Labels point at real units: the qualname and first line as Motif's unit finder reads them,
  // for every package whose labelled version is on this machine (`npm run labels:fetch`).
  it.skipIf(installed.length === 0)("points at units the unit finder sees, where the labelled version is installed", async () => {
    let checked = 0;
    const listed = new Map<string, Awaited<ReturnType<typeof unitsOfFile>>>();
    for (const labels of installed) {
      for (const entry of labels.entries) {
        const file = path.join(packageRoot(labels), entry.path);
        expect(existsSync(file), file).toBe(true);
        if (!listed.has(file)) listed.set(file, await unitsOfFile(file));
        const units = listed.get(file)!;
        expect(units.some((unit) => unit.qualname === entry.qualname && unit.startLine === entry.line), `${labels.package} ${entry.path} ${entry.qualname}:${entry.line}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});
