import { describe, expect, it } from "vitest";
import { detect, kindsOf, evidenceOf } from "./detect-snippet";

describe("singleton: a shared instance handed out from a holder that outlives the call", () => {
  it("finds class-level holders, keyed instance caches, context variables and module instances", async () => {
    const found = await detect(
      `import contextvars

_current = contextvars.ContextVar("settings")


class Screen:
    _root = None


def get_screen():
    if Screen._root is None:
        Screen._root = Window()
    return Screen._root


def current_settings():
    try:
        return _current.get()
    except LookupError:
        settings = Settings()
        _current.set(settings)
        return settings


class Bus:
    _shared = {}

    def __new__(cls, kind, private=False):
        if not private and kind in cls._shared:
            return cls._shared[kind]
        bus = object.__new__(cls)
        if not private:
            cls._shared[kind] = bus
        return bus


class SystemBus(Bus):
    def __new__(cls, private=False):
        return Bus.__new__(cls, "system", private=private)


class _Registry:
    def __init__(self):
        self.entries = {}

    def lookup(self, name):
        return self.entries.get(name)


Registry = _Registry()
lookup = Registry.lookup
`,
      "python",
    );
    expect(kindsOf(found, "get_screen")).toContain("singleton");
    expect(evidenceOf(found, "get_screen")).toContain("Screen._root");
    expect(kindsOf(found, "current_settings")).toContain("singleton");
    expect(kindsOf(found, "Bus.__new__")).toContain("singleton");
    expect(kindsOf(found, "SystemBus.__new__")).toContain("singleton");
    expect(kindsOf(found, "_Registry")).toContain("singleton");
  });

  it("finds metaclass singletons, memoised accessors without arguments and a module's one bare instance", async () => {
    const found = await detect(
      `import functools


class SingletonMeta(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=SingletonMeta):
    pass


@functools.lru_cache()
def get_settings():
    return Settings()


class UTC:
    def utcoffset(self, dt):
        return ZERO


utc = UTC()
`,
      "python",
    );
    expect(kindsOf(found, "SingletonMeta.__call__")).toContain("singleton");
    expect(kindsOf(found, "Config")).toContain("singleton");
    expect(evidenceOf(found, "Config")).toContain("metaclass SingletonMeta");
    expect(kindsOf(found, "get_settings")).toContain("singleton");
    expect(kindsOf(found, "UTC")).toContain("singleton");
  });

  it("finds the monostate (Borg) and a registration that creates its instance only when unset", async () => {
    const found = await detect(
      `class Borg:
    _shared_state = {}

    def __init__(self):
        self.__dict__ = self._shared_state
`,
      "python",
    );
    expect(kindsOf(found, "Borg")).toContain("singleton");
    const script = await detect(
      `export function resolveSingleton(registration, construct) {
  return registration.instance || (registration.instance = construct(registration.provider));
}`,
      "javascript",
    );
    expect(kindsOf(script, "resolveSingleton")).toContain("singleton");
  });

  it("leaves per-object lazy attributes and memoised functions of an argument alone", async () => {
    const found = await detect(
      `import functools


class Client:
    def session(self):
        if self._instance is None:
            self._instance = Session()
        return self._instance


@functools.lru_cache()
def parser_for(language):
    return Parser(language)
`,
      "python",
    );
    expect(kindsOf(found, "Client.session")).not.toContain("singleton");
    expect(kindsOf(found, "parser_for")).not.toContain("singleton");
  });

  it("finds a static accessor that finds or creates instances in a class-level list", async () => {
    const found = await detect(
      `export class Container {
  static of(id = "default") {
    if (id === "default") return this.globalInstance;
    let container = this.instances.find((instance) => instance.id === id);
    if (!container) {
      container = new ContainerInstance(id);
      this.instances.push(container);
    }
    return container;
  }
  static get(identifier) {
    return this.globalInstance.get(identifier);
  }
}
Container.globalInstance = new ContainerInstance("default");
Container.instances = [];
`,
      "javascript",
    );
    expect(kindsOf(found, "Container.of")).toContain("singleton");
    expect(kindsOf(found, "Container")).toContain("singleton");
  });

  it("leaves look-alikes alone: setting a context variable, a per-call cache, a class built twice", async () => {
    const found = await detect(
      `import contextvars

_current = contextvars.ContextVar("settings")


def set_settings(settings):
    if settings is None:
        settings = Settings()
    _current.set(settings)


def parse_all(texts):
    seen = {}
    for text in texts:
        if text not in seen:
            seen[text] = Parser(text)
    return seen


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


ORIGIN = Point(0, 0)
UNIT = Point(1, 1)
`,
      "python",
    );
    expect(kindsOf(found, "set_settings")).not.toContain("singleton");
    expect(kindsOf(found, "parse_all")).not.toContain("singleton");
    expect(kindsOf(found, "Point")).not.toContain("singleton");
  });
});

describe("factory: creation functions", () => {
  it("finds functions whose job is to build and return a product, or a class the caller chose", async () => {
    const found = await detect(
      `import sqlite3


def connect(database, **kwargs):
    def connector():
        return sqlite3.connect(database, **kwargs)
    return Connection(connector)


class Connection:
    cursorclass = Cursor

    def cursor(self, cursor=None):
        if cursor:
            return cursor(self)
        return self.cursorclass(self)

    def table(self, name, **options):
        if name in self._tables:
            return self._tables[name]
        table_class = options.pop("table_class", self.default_table_class)
        table = table_class(self, name)
        self._tables[name] = table
        return table


def from_text(rdclass, rdtype, text):
    cls = get_rdata_class(rdclass, rdtype)
    return cls.from_text(rdclass, rdtype, text)
`,
      "python",
    );
    expect(kindsOf(found, "connect")).toContain("factory");
    expect(kindsOf(found, "from_text")).toContain("factory");
    expect(evidenceOf(found, "connect")).toContain("returns a new Connection");
    expect(kindsOf(found, "Connection.cursor")).toContain("factory");
    expect(kindsOf(found, "Connection.table")).toContain("factory");
  });

  it("finds closure-object factories, alternative-constructor delegation and creator classes", async () => {
    const found = await detect(
      `export function createCounter(start = 0) {
  let count = start;
  return {
    increment() { count += 1; return count; },
    reset() { count = start; },
  };
}
export function parseName(text) {
  return Name.fromText(text);
}
export class ShapeFactory {
  circle(radius) { return new Circle(radius); }
  square(side) { return new Square(side); }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "createCounter")).toContain("factory");
    expect(kindsOf(found, "parseName")).toContain("factory");
    expect(kindsOf(found, "ShapeFactory")).toContain("factory");
    expect(evidenceOf(found, "ShapeFactory")).toContain("circle() → Circle");
  });

  it("finds JavaScript creation functions and static factory methods", async () => {
    const found = await detect(
      `export function bulkhead(limit, queue = 0) {
  return new BulkheadPolicy(limit, queue);
}
export class Stack {
  static create(max) {
    const HeapCls = getUintArray(max);
    if (!HeapCls) return [];
    const stack = new Stack(max, HeapCls);
    return stack;
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "bulkhead")).toContain("factory");
    expect(kindsOf(found, "Stack.create")).toContain("factory");
  });

  it("leaves copies, built-in values, errors and long computations alone", async () => {
    const found = await detect(
      `export class Money {
  constructor(amount) { this.amount = amount; }
  plus(other) { return new Money(this.amount + other.amount); }
}
export function deadline(ms) {
  return new Date(Date.now() + ms);
}
export function notFound(id) {
  return new NotFoundError(id);
}
export function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
`,
      "javascript",
    );
    expect(kindsOf(found, "Money.plus")).not.toContain("factory");
    expect(kindsOf(found, "deadline")).not.toContain("factory");
    expect(kindsOf(found, "notFound")).not.toContain("factory");
    expect(kindsOf(found, "wait")).not.toContain("factory");
  });
});

describe("decorator: marking, delegating and wrapping", () => {
  it("finds decorators that mark or register their function, factories of them, and delegating decorators", async () => {
    const found = await detect(
      `import functools


def set_hook(fn, key, **kwargs):
    if fn is None:
        return functools.partial(set_hook, key=key, **kwargs)
    fn.__hook__ = {key: kwargs}
    return fn


def pre_load(fn=None, pass_many=False):
    return set_hook(fn, ("pre_load", pass_many))


class Emitter:
    def listens_to(self, event):
        def on(f):
            self._add_handler(event, f)
            return f
        return on
`,
      "python",
    );
    expect(kindsOf(found, "set_hook")).toContain("decorator");
    expect(kindsOf(found, "pre_load")).toContain("decorator");
    expect(evidenceOf(found, "pre_load")).toContain("set_hook");
    expect(kindsOf(found, "Emitter.listens_to")).toContain("decorator");
  });

  it("finds wrapper classes: a callable proxy and a component decorator", async () => {
    const found = await detect(
      `class CallableProxy:
    def __init__(self, wrapped):
        self.__wrapped__ = wrapped

    def __call__(self, *args, **kwargs):
        return self.__wrapped__(*args, **kwargs)
`,
      "python",
    );
    expect(kindsOf(found, "CallableProxy")).toContain("decorator");
    const script = await detect(
      `export class AssertingExecutor {
  #executor;
  constructor(executor, state) { this.#executor = executor; this.state = state; }
  compileQuery(node) { return this.#executor.compileQuery(node); }
  transformQuery(node) { return this.#executor.transformQuery(node); }
  executeQuery(query) { assertOpen(this.state); return this.#executor.executeQuery(query); }
  withPlugins(plugins) { return new AssertingExecutor(this.#executor.withPlugins(plugins), this.state); }
}`,
      "javascript",
    );
    expect(kindsOf(script, "AssertingExecutor")).toContain("decorator");
    expect(evidenceOf(script, "AssertingExecutor")).toContain("#executor");
  });

  it("finds TypeScript decorator factories that record the decorated class or member", async () => {
    const found = await detect(
      `export function Service(options?: ServiceOptions) {
  return (targetConstructor: Function) => {
    Container.set({ id: options?.id ?? targetConstructor, type: targetConstructor });
  };
}`,
      "typescript",
    );
    expect(kindsOf(found, "Service")).toContain("decorator");
  });

  it("leaves look-alikes alone: a function returning its item after storing it, a plain call-through", async () => {
    const found = await detect(
      `def add_item(self, item):
    self.items.append(item)
    return item


def quote(text):
    return _quote(text, safe="/")


def _quote(text, safe):
    return text.replace(" ", "%20")


class Repository:
    def __init__(self, session):
        self.session = session

    def add(self, entity):
        self.session.add(entity)

    def get(self, key):
        return self.session.get(key)
`,
      "python",
    );
    expect(kindsOf(found, "add_item")).not.toContain("decorator");
    expect(kindsOf(found, "quote")).not.toContain("decorator");
    expect(kindsOf(found, "Repository")).not.toContain("decorator");
  });
});

describe("strategy: members of an interchangeable family", () => {
  it("finds implementations of a same-file abstract base and named variants of an imported family", async () => {
    const found = await detect(
      `from abc import ABC, abstractmethod
from scheduler.triggers.base import BaseTrigger


class Wait(ABC):
    @abstractmethod
    def compute(self, attempt):
        ...


class FixedWait(Wait):
    def compute(self, attempt):
        return self.seconds


class ExponentialWait(Wait):
    def compute(self, attempt):
        return self.base * 2 ** attempt


class DateTrigger(BaseTrigger):
    def __init__(self, run_date):
        self.run_date = run_date

    def get_next_fire_time(self, previous, now):
        return self.run_date if previous is None else None
`,
      "python",
    );
    expect(kindsOf(found, "FixedWait")).toContain("strategy");
    expect(evidenceOf(found, "FixedWait")).toContain("interchangeable with ExponentialWait");
    expect(kindsOf(found, "DateTrigger")).toContain("strategy");
  });

  it("leaves errors, unrelated subclasses and test cases alone", async () => {
    const found = await detect(
      `from errors import BaseError
from unittest import TestCase
from widgets import Widget


class ConfigError(BaseError):
    def describe(self):
        return "bad config"


class Clock(Widget):
    def render(self):
        return "12:00"


class ClockTest(TestCase):
    def test_render(self):
        assert Clock().render()
`,
      "python",
    );
    expect(kindsOf(found, "ConfigError")).not.toContain("strategy");
    expect(kindsOf(found, "Clock")).not.toContain("strategy");
    expect(kindsOf(found, "ClockTest")).not.toContain("strategy");
  });
});

describe("error_handling_wrapper: delegated work under a try that handles the failure", () => {
  it("finds runners that hand a failure to an error handler or an event", async () => {
    const found = await detect(
      `def read(obj):
    try:
        obj.handle_read_event()
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:
        obj.handle_error()


class Emitter:
    def _emit_run(self, f, args, kwargs):
        try:
            f(*args, **kwargs)
        except Exception as exc:
            self.emit("error", exc)
`,
      "python",
    );
    expect(kindsOf(found, "read")).toContain("error_handling_wrapper");
    expect(evidenceOf(found, "read")).toContain("obj.handle_error()");
    expect(kindsOf(found, "Emitter._emit_run")).toContain("error_handling_wrapper");
  });

  it("leaves validators, logging loops and cleanup alone", async () => {
    const found = await detect(
      `def port(value):
    try:
        number = int(value)
    except ValueError:
        raise Invalid("not a port: %r" % value)
    return number


def process_all(items):
    for item in items:
        try:
            item.process()
        except ValueError:
            log.warning("skipping %s", item)


def runcall(self, func, *args):
    self.enable()
    try:
        return func(*args)
    finally:
        self.disable()
`,
      "python",
    );
    expect(kindsOf(found, "port")).not.toContain("error_handling_wrapper");
    expect(kindsOf(found, "process_all")).not.toContain("error_handling_wrapper");
    expect(kindsOf(found, "runcall")).not.toContain("error_handling_wrapper");
  });
});
