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

const flaskLike = `class App:
    def __init__(self, name):
        self.hooks = []

    def before_request(self, f):
        self.hooks.append(f)
        return f

    def route(self, rule):
        def decorator(f):
            return f
        return decorator

    def run(self):
        return None

class Lock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
`;

describe("collectUsage: module-level instances", () => {
  it("resolves decorators, calls and `with` through a module-level instance, in its own file and in a test importing it", async () => {
    const usage = await usageOf({
      "app/core.py": flaskLike,
      "app/main.py": `from app.core import App, Lock\n\napp = App(__name__)\nlock = Lock()\n\n@app.before_request\ndef load_user():\n    return 1\n\n@app.route("/")\ndef index():\n    with lock:\n        return "x"\n\nif __name__ == "__main__":\n    app.run()\n`,
      "tests/test_main.py": `from app.main import app\n\ndef test_hook():\n    app.before_request(lambda: None)\n`,
    });
    const hooks = usage("app/core.py", "App.before_request")?.instanceCalls ?? [];
    expect(hooks.map((call) => [call.file, call.line, call.argumentsText, call.decorates ?? false, call.from?.qualname])).toEqual([
      ["app/main.py", 7, "", true, "load_user"],
      ["tests/test_main.py", 4, "lambda: None", false, "test_hook"],
    ]);
    expect(usage("app/core.py", "App.route")?.instanceCalls.map((call) => [call.argumentsText, call.decorates])).toEqual([['"/"', true]]);
    // Module-level code is no unit: the call under `if __name__` has no `from`.
    expect(usage("app/core.py", "App.run")?.instanceCalls.map((call) => [call.line, call.from])).toEqual([[16, undefined]]);
    expect(usage("app/core.py", "Lock")?.entered.map((site) => [site.file, site.line, site.from?.qualname])).toEqual([["app/main.py", 12, "index"]]);
  });

  it("resolves `export const x = new Cls()` imported by another file, and leaves a parameter of the same name alone", async () => {
    const usage = await usageOf({
      "src/emitter.ts": `export class Emitter {\n  private handlers: Array<() => void> = [];\n  on(event: string, handler: () => void): void {\n    this.handlers.push(handler);\n  }\n}\nexport const bus = new Emitter();\n`,
      "src/use.ts": `import { bus } from "./emitter";\n\nbus.on("ready", () => start());\n\nexport function start(): void {\n  bus.on("stop", stop);\n}\n\nexport function other(bus: { on(a: string, b: unknown): void }): void {\n  bus.on("x", 1);\n}\n\nfunction stop(): void {}\n`,
    });
    const calls = usage("src/emitter.ts", "Emitter.on")?.instanceCalls ?? [];
    expect(calls.map((call) => [call.line, call.argumentsText, call.from?.qualname ?? "<module>"])).toEqual([
      [3, '"ready", () => start()', "<module>"],
      [6, '"stop", stop', "start"],
    ]);
  });

  it("does not take a module-level call of a function for an instance", async () => {
    const usage = await usageOf({
      "make.py": `class Store:\n    def save(self, x):\n        return x\n\ndef make_store():\n    return Store()\n\nstore = make_store()\nstore.save(1)\n`,
    });
    expect(usage("make.py", "Store.save")?.instanceCalls ?? []).toEqual([]);
  });

  it("resolves calls through a pytest fixture handing out an instance, and through an instance made inside a describe block", async () => {
    const usage = await usageOf({
      "app/core.py": flaskLike,
      "tests/conftest.py": `import pytest\nfrom app.core import App\n\n@pytest.fixture\ndef app():\n    made = App("test")\n    yield made\n`,
      "tests/test_hooks.py": `def test_hook(app):\n    @app.before_request\n    def before():\n        return None\n    app.run()\n\ndef test_other(client):\n    client.run()\n`,
      "src/emitter.js": `class Emitter {\n  on(event, handler) {\n    return this;\n  }\n}\nmodule.exports = { Emitter };\n`,
      "test/emitter.test.js": `const { Emitter } = require("../src/emitter");\ndescribe("Emitter", () => {\n  it("calls", () => {\n    const emitter = new Emitter();\n    emitter.on("data", (value) => value);\n  });\n});\n`,
    });
    expect(usage("app/core.py", "App.before_request")?.instanceCalls.map((call) => [call.file, call.line, call.decorates, call.from?.qualname])).toEqual([["tests/test_hooks.py", 3, true, "test_hook.before"]]);
    // `client` is no fixture of a repository class: its `run()` is not App.run.
    expect(usage("app/core.py", "App.run")?.instanceCalls.map((call) => [call.file, call.line])).toEqual([["tests/test_hooks.py", 5]]);
    expect(usage("src/emitter.js", "Emitter.on")?.instanceCalls.map((call) => [call.file, call.line, call.argumentsText])).toEqual([["test/emitter.test.js", 5, '"data", (value) => value']]);
  });
});
