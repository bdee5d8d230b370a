import { describe, expect, it } from "vitest";
import { inTaskOrder } from "@/lib/extract/in-task-order";

describe("inTaskOrder", () => {
  it("passes items on in task order, each as soon as every task before it has arrived", () => {
    const emitted: string[] = [];
    const arrive = inTaskOrder(["a", "b", "c", "d"], (item: string) => item, (item) => emitted.push(item));
    arrive("b");
    expect(emitted).toEqual([]);
    arrive("a");
    expect(emitted).toEqual(["a", "b"]);
    arrive("d");
    expect(emitted).toEqual(["a", "b"]);
    arrive("c");
    expect(emitted).toEqual(["a", "b", "c", "d"]);
  });

  it("refuses an item of no listed task", () => {
    const arrive = inTaskOrder(["a"], (item: string) => item, () => undefined);
    expect(() => arrive("z")).toThrow("no task named z");
  });
});
