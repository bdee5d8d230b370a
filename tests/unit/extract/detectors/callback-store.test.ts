import { describe, expect, it } from "vitest";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

describe("observer_event: roles around a store of callbacks", () => {
  it("marks a decorator-style registrar and the method calling each registered function, naming the store", async () => {
    const found = await detect(
      `class App:
    def __init__(self):
        self.before_request_funcs = {}

    def before_request(self, f):
        self.before_request_funcs.setdefault(None, []).append(f)
        return f

    def preprocess_request(self):
        for func in self.before_request_funcs.get(None, ()):
            rv = func()
            if rv is not None:
                return rv
`,
      "python",
    );
    for (const name of ["App", "App.before_request", "App.preprocess_request"]) expect(kindsOf(found, name)).toContain("observer_event");
    expect(evidenceOf(found, "App.preprocess_request")).toContain("store before_request_funcs");
  });

  it("marks ORM lifecycle hooks: addHook, removeHook and runHooks on one keyed store", async () => {
    const found = await detect(
      `class Hooks {
  constructor() {
    this.store = {};
  }
  addHook(type, fn) {
    (this.store[type] ||= []).push(fn);
    return this;
  }
  removeHook(type, fn) {
    this.store[type] = (this.store[type] || []).filter((entry) => entry !== fn);
  }
  async runHooks(type, ...args) {
    for (const entry of this.store[type] || []) await entry.apply(this, args);
  }
}
`,
      "javascript",
    );
    for (const name of ["Hooks", "Hooks.addHook", "Hooks.removeHook", "Hooks.runHooks"]) expect(kindsOf(found, name)).toContain("observer_event");
    expect(evidenceOf(found, "Hooks.removeHook")).toMatch(/unregisters callbacks.*store store: registered into, removed from, each callback called/);
  });

  it("marks an ES5 prototype's registrars of records around the function and its dispatchers applying each record's function", async () => {
    const found = await detect(
      `function Hooks() {
  this._pres = new Map();
}
Hooks.prototype.execPre = function (name, context, args) {
  const pres = this._pres.get(name) || [];
  for (let i = 0; i < pres.length; ++i) pres[i].fn.apply(context, args);
};
Hooks.prototype.pre = function (name, options, fn) {
  const pres = this._pres.get(name) || [];
  this._pres.set(name, pres);
  pres.push(Object.assign({}, options, { fn: fn }));
  return this;
};
`,
      "javascript",
    );
    for (const name of ["Hooks", "Hooks.execPre", "Hooks.pre"]) expect(kindsOf(found, name)).toContain("observer_event");
  });

  it("marks a module-level store: the function adding to it and the one calling each, even without arguments", async () => {
    const found = await detect(
      `_reload_hooks = []


def add_reload_hook(fn):
    _reload_hooks.append(fn)


def _reload():
    for fn in _reload_hooks:
        fn()
`,
      "python",
    );
    expect(kindsOf(found, "add_reload_hook")).toContain("observer_event");
    expect(kindsOf(found, "_reload")).toContain("observer_event");
  });

  it("leaves a DI container, a middleware chain, a drained task queue, a plugin list and a route table alone", async () => {
    const found = await detect(
      `class Container {
  constructor() { this._factories = new Map(); }
  register(name, factory) { this._factories.set(name, factory); }
  resolve(name) { return this._factories.get(name)(); }
}
class Chain {
  constructor() { this.stack = []; }
  use(middleware) { this.stack.push(middleware); return this; }
  build(last) {
    let handler = last;
    for (const middleware of this.stack) handler = middleware(handler);
    return handler;
  }
}
class Scheduler {
  constructor() { this.queue = []; }
  schedule(task) { this.queue.push(task); }
  drain() { while (this.queue.length) this.queue.shift()(); }
}
class Plugins {
  constructor() { this.plugins = []; }
  install(plugin) { this.plugins.push(plugin); }
  setup(app) { for (const plugin of this.plugins) plugin.setup(app); }
}
class RouteTable {
  constructor() { this._items = []; }
  route(method, path) {
    return (handler) => { this._items.push(new RouteDef(method, path, handler)); return handler; };
  }
  [Symbol.iterator]() { return this._items[Symbol.iterator](); }
}
`,
      "javascript",
    );
    for (const name of ["Container", "Container.register", "Container.resolve", "Chain", "Chain.use", "Chain.build", "Scheduler", "Scheduler.schedule", "Scheduler.drain", "Plugins", "Plugins.install", "Plugins.setup", "RouteTable", "RouteTable.route"]) {
      expect(kindsOf(found, name), name).not.toContain("observer_event");
    }
  });
});

describe("observer_event: stores whose registrar lives elsewhere, and chains that are not notification", () => {
  it("marks a dispatcher over a store named for callbacks that another class fills, and a response passed through each hook", async () => {
    const found = await detect(
      `class App(Scaffold):
    def preprocess_request(self):
        for func in self.before_request_funcs.get(None, ()):
            rv = self.ensure_sync(func)()
            if rv is not None:
                return rv

    def process_response(self, response):
        for func in self.after_request_funcs.get(None, ()):
            response = self.ensure_sync(func)(response)
        return response
`,
      "python",
    );
    expect(kindsOf(found, "App.preprocess_request")).toContain("observer_event");
    expect(kindsOf(found, "App.process_response")).toContain("observer_event");
  });

  it("leaves a handler wrapped by each middleware of a list alone", async () => {
    const found = await detect(
      `class Stack:
    def __init__(self):
        self.middlewares = []

    def add(self, middleware):
        self.middlewares.append(middleware)

    def build(self, handler):
        for middleware in reversed(self.middlewares):
            handler = middleware(handler)
        return handler
`,
      "python",
    );
    for (const name of ["Stack", "Stack.add", "Stack.build"]) expect(kindsOf(found, name), name).not.toContain("observer_event");
  });
});
