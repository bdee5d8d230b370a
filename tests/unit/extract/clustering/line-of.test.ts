import { describe, expect, it } from "vitest";
import { lineOf } from "@/lib/extract/clustering/resolve-references";
import { makeUnit } from "./unit-factory";

const unit = makeUnit({
  file: "shop/orders.py",
  name: "place_order",
  startLine: 10,
  code: [
    "def place_order(save, cart):",
    "    saved = save_all",
    "    total = price (cart)",
    "    save",
    "    (cart)",
    "    if save (cart):",
    "        save(cart)",
  ].join("\n"),
});

describe("lineOf", () => {
  it("finds the first line calling the name, spaces before the parenthesis allowed", () => {
    expect(lineOf(unit, "price")).toBe(12);
    expect(lineOf(unit, "save")).toBe(15);
  });

  it("never takes a name and a parenthesis on different lines for a call, but knows the bare name there", () => {
    const split = makeUnit({ file: "a.py", name: "f", startLine: 1, code: "def f():\n    run\n    (1)\n    x = 2" });
    expect(lineOf(split, "run")).toBe(2);
    expect(lineOf(makeUnit({ file: "a.py", name: "g", startLine: 1, code: "def g():\n    reruns\n    run\n    (1)" }), "run")).toBe(3);
  });

  it("ignores the signature line and falls back to the unit's first line", () => {
    expect(lineOf(unit, "cart")).toBe(12);
    expect(lineOf(unit, "missing")).toBe(10);
    expect(lineOf(makeUnit({ file: "a.py", name: "h", startLine: 4, code: "def h(): return h()" }), "h")).toBe(4);
  });
});
