import { describe, expect, it } from "vitest";
import { contextManagerByWith, decoratorByUse, observerBySubscription } from "@/lib/extract/usage";
import { evidenceIn, kindsIn, unitsWithRules } from "./repository";

// Session 13's candidates (docs/detector-evaluation.md, "Session 13: usage evidence from packages with their
// tests"): none carried from one tune half to the other, so none is shipped; tested so the figures reproduce.

describe("observer by subscription through an instance", () => {
  const bus = `class Bus:\n    def __init__(self):\n        self.handlers = {}\n        self.items = []\n\n    def on(self, event, handler):\n        self.table.put(event, handler)\n\n    def hook(self, f):\n        self.table.put("hook", f)\n\n    def add(self, name, value):\n        self.items.append((name, value))\n\n    def route(self, rule):\n        return lambda f: f\n`;

  it("marks a method called with an event and a callback, or applied as @x.hook, through a module-level instance", async () => {
    const units = await unitsWithRules({
      "pkg/bus.py": bus,
      "pkg/app.py": `from pkg.bus import Bus\n\nbus = Bus()\n\ndef started(event):\n    return event\n\nbus.on("start", started)\n\n@bus.hook\ndef before():\n    return None\n`,
    }, [observerBySubscription]);
    expect(kindsIn(units, "pkg/bus.py", "Bus.on")).toContain("observer_event");
    expect(evidenceIn(units, "pkg/bus.py", "Bus.on", "observer_event")).toMatch(/called with \("start", started\) in module-level code \(pkg\/app\.py:8\)/);
    expect(kindsIn(units, "pkg/bus.py", "Bus.hook")).toContain("observer_event");
  });

  it("leaves alone a method given a name and a plain value, and a decorator factory given a route", async () => {
    const units = await unitsWithRules({
      "pkg/bus.py": bus,
      "pkg/app.py": `from pkg.bus import Bus\n\nbus = Bus()\nbus.add("size", 3)\n\n@bus.route("/")\ndef index():\n    return None\n`,
    }, [observerBySubscription]);
    expect(kindsIn(units, "pkg/bus.py", "Bus.add")).not.toContain("observer_event");
    expect(kindsIn(units, "pkg/bus.py", "Bus.route")).not.toContain("observer_event");
  });
});

describe("decorator by use and context manager by `with`", () => {
  const tools = `import time\n\ndef timed(func):\n    return Timer(func, time.time())\n\nclass Opened:\n    def __init__(self, path):\n        self.path = path\n\ndef helper(value):\n    return value\n`;

  it("marks a function applied as a decorator in a test, and a class entered with `with` through a module-level instance", async () => {
    const units = await unitsWithRules({
      "pkg/tools.py": tools,
      "tests/test_tools.py": `from pkg.tools import timed, Opened\n\nresource = Opened("x")\n\n@timed\ndef test_speed():\n    with resource:\n        return 1\n`,
    }, [decoratorByUse, contextManagerByWith]);
    expect(kindsIn(units, "pkg/tools.py", "timed")).toContain("decorator");
    expect(evidenceIn(units, "pkg/tools.py", "timed", "decorator")).toMatch(/applied as a decorator to 1 unit, e\.g\. test_speed \(tests\/test_tools\.py:6\)/);
    expect(kindsIn(units, "pkg/tools.py", "Opened")).toContain("context_manager");
  });

  it("leaves alone a function only called, and a pytest fixture applied to tests", async () => {
    const units = await unitsWithRules({
      "pkg/tools.py": `${tools}\ndef fixture(func):\n    return func\n`,
      "tests/test_tools.py": `from pkg.tools import helper, fixture\n\n@fixture\ndef resource():\n    return helper(1)\n`,
    }, [decoratorByUse, contextManagerByWith]);
    expect(kindsIn(units, "pkg/tools.py", "helper")).toEqual([]);
    expect(kindsIn(units, "pkg/tools.py", "fixture")).not.toContain("decorator");
  });
});
