import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatScore, scoreLabels } from "@/tests/bench/detector-eval/score-labels";

// The scoring runs the real extraction; these units are plain enough that no detector fires.
const folder = mkdtempSync(path.join(os.tmpdir(), "motif-score-labels-"));
const file = path.join(folder, "plain.py");
writeFileSync(file, "def add(a, b):\n    return a + b\n\n\ndef twice(x):\n    return add(x, x)\n");

describe("scoreLabels", () => {
  it("counts a missed kind as a false negative and a clean negative as nothing", async () => {
    const score = await scoreLabels([
      { file, qualname: "add", line: 1, kinds: ["validation"], origin: "plain.py" },
      { file, qualname: "twice", line: 5, kinds: [], looksLike: ["factory"], origin: "plain.py" },
    ]);
    expect(score.evaluated).toBe(2);
    expect(score.hardNegatives).toEqual({ evaluated: 1, fooled: 0 });
    expect(score.counts.get("validation")).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(score.differences).toEqual(["-validation  plain.py add:1"]);
    const lines = formatScore(score, "t");
    expect(lines.at(-1)).toBe("hard negatives reported as the kind they look like: 0 of 1");
    expect(lines.at(-3)).toMatch(/^overall \(micro\)\s+0\s+0\s+1\s+n\/a\s+0\.00$/);
    expect(lines.at(-2)).toMatch(/^overall \(macro\)\s+n\/a\s+0\.00$/);
  });

  it("reports labels whose file or unit is not there instead of scoring them", async () => {
    const score = await scoreLabels([
      { file: path.join(folder, "absent.py"), qualname: "x", kinds: [], origin: "absent.py" },
      { file, qualname: "nothere", line: 3, kinds: ["factory"], origin: "plain.py" },
    ]);
    expect(score.evaluated).toBe(0);
    expect(score.missing).toEqual(["absent.py (file not on this machine)", "plain.py nothere (unit not found)"]);
    expect(score.counts.get("factory")).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});
