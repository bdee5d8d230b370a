import { describe, expect, it } from "vitest";
import { buildRepoModel } from "@/lib/extract/clustering";
import { collectReferences } from "@/lib/extract/clustering/collect-references";
import { collectUsage } from "@/lib/extract/usage";
import { extractRepository } from "./repository";

async function usageOf(files: Record<string, string>) {
  const model = buildRepoModel(await extractRepository(files));
  const usage = collectUsage(model, collectReferences(model));
  return (file: string, qualname: string) => usage.get(model.units.find((unit) => unit.file === file && unit.qualname === qualname)!.id);
}

describe("collectUsage: how a unit is used in other files", () => {
  it("records where a function is applied as a decorator and entered with `with`, resolved through imports", async () => {
    const usage = await usageOf({
      "pkg/tools.py": `def timed(func):\n    return func\n\ndef opened(path):\n    return open(path)\n\ndef helper():\n    return 1\n`,
      "pkg/app.py": `from pkg.tools import timed, opened, helper\nimport functools\n\n@timed\ndef handler():\n    with opened("x") as f, LOCK:\n        return f\n\n@functools.lru_cache\ndef other():\n    helper()\n`,
    });
    expect(usage("pkg/tools.py", "timed")?.decorates.map((site) => `${site.file}:${site.line}`)).toEqual(["pkg/app.py:5"]);
    expect(usage("pkg/tools.py", "opened")?.entered.map((site) => `${site.file}:${site.line}`)).toEqual(["pkg/app.py:6"]);
    // Called, but neither applied as a decorator nor entered with `with`.
    expect(usage("pkg/tools.py", "helper")?.decorates ?? []).toEqual([]);
    expect(usage("pkg/tools.py", "helper")?.entered ?? []).toEqual([]);
  });

  it("records methods called on an instance made from the class in another file, with their arguments", async () => {
    const usage = await usageOf({
      "bus.py": `class Bus:\n    def __init__(self):\n        self.handlers = []\n\n    def subscribe(self, handler):\n        self.handlers.append(handler)\n\n    def size(self):\n        return len(self.handlers)\n`,
      "main.py": `from bus import Bus\n\ndef on_message(message):\n    print(message)\n\ndef main():\n    bus = Bus()\n    bus.subscribe(on_message)\n    other = make()\n    other.size()\n`,
    });
    const calls = usage("bus.py", "Bus.subscribe")?.instanceCalls ?? [];
    expect(calls.map((call) => [call.file, call.line, call.argumentsText])).toEqual([["main.py", 8, "on_message"]]);
    // `other` was not made from Bus here: its `size()` is not Bus.size.
    expect(usage("bus.py", "Bus.size")?.instanceCalls ?? []).toEqual([]);
  });

  it("records subclasses across files and the families of classes sharing a base name", async () => {
    const usage = await usageOf({
      "base.py": `class Resolver:\n    def resolve(self, host):\n        raise NotImplementedError()\n`,
      "a.py": `from base import Resolver\n\nclass AResolver(Resolver):\n    def resolve(self, host):\n        return host\n`,
      "b.py": `from base import Resolver\n\nclass BResolver(Resolver):\n    def resolve(self, host):\n        return host\n\nclass Failure(Exception):\n    pass\n\nclass Other(Exception):\n    pass\n`,
    });
    expect(usage("base.py", "Resolver")?.subclasses.map((unit) => unit.qualname).sort()).toEqual(["AResolver", "BResolver"]);
    expect(usage("a.py", "AResolver")?.siblings.map((unit) => unit.qualname)).toEqual(["BResolver"]);
    // Exceptions share a base every error has: no family.
    expect(usage("b.py", "Failure")?.siblings ?? []).toEqual([]);
  });
});
