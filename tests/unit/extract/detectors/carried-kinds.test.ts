import { describe, expect, it } from "vitest";
import { detect, kindsOf } from "./detect-snippet";

// Session 11 (helper 14b): the rules that were kept because they carried from the tune half they
// were written from to the other half (docs/detector-evaluation.md, "Session 11, part b").

describe("decorator: a descriptor class that keeps the function it decorates and calls it when read", () => {
  it("finds a cached property and a memoized instance method written as descriptor classes", async () => {
    const found = await detect(
      `class cachedproperty(object):
    def __init__(self, func):
        self.__doc__ = getattr(func, '__doc__')
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value


class memoized_instancemethod:
    def __init__(self, fget, doc=None):
        self.fget = fget
        self.__doc__ = doc or fget.__doc__

    def __get__(self, obj, cls):
        if obj is None:
            return self

        def oneshot(*args, **kw):
            result = self.fget(obj, *args, **kw)
            obj.__dict__[self.fget.__name__] = lambda *a, **kw: result
            return result

        return oneshot
`,
      "python",
    );
    expect(kindsOf(found, "cachedproperty")).toContain("decorator");
    expect(kindsOf(found, "memoized_instancemethod")).toContain("decorator");
  });

  it("leaves out a descriptor that reads and stores a value without calling anything it was given", async () => {
    const found = await detect(
      `class TypedField:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(self.name)
        obj.__dict__[self.name] = value
`,
      "python",
    );
    expect(kindsOf(found, "TypedField")).not.toContain("decorator");
  });
});

describe("factory: a class named for creating, and its methods that create and return", () => {
  it("finds EntityFactory and its create(), which returns an entity after several steps", async () => {
    const found = await detect(
      `class EntityFactory {
  constructor(em) {
    this.em = em;
    this.metadata = em.getMetadata();
  }
  create(entityName, data, options = {}) {
    const meta = this.metadata.get(entityName);
    const exists = this.findEntity(data, meta, options);
    if (exists && !options.refresh) {
      this.mergeData(meta, exists, data, options);
      return exists;
    }
    const entity = this.createEntity(data, meta, options);
    this.hydrate(entity, meta, data, options);
    return entity;
  }
  findEntity(data, meta, options) {
    return this.em.getUnitOfWork().getById(meta.className, data);
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "EntityFactory")).toContain("factory");
    expect(kindsOf(found, "EntityFactory.create")).toContain("factory");
    expect(kindsOf(found, "EntityFactory.findEntity")).not.toContain("factory");
  });

  it("leaves out a creating method of a class not named for it, and a Factory class whose methods create nothing they return", async () => {
    const found = await detect(
      `class Table:
    def create(self, name):
        self.rows[name] = []
        return len(self.rows)


class WidgetFactory:
    def create(self, spec):
        self.queue.append(spec)

    def describe(self):
        return "widgets"
`,
      "python",
    );
    expect(kindsOf(found, "Table.create")).not.toContain("factory");
    expect(kindsOf(found, "WidgetFactory")).not.toContain("factory");
    expect(kindsOf(found, "WidgetFactory.create")).not.toContain("factory");
  });
});

describe("retry_backoff: the operation of a backoff that hands out the next wait", () => {
  it("finds next() of a backoff class, a prototype next() of a backoff strategy and a _next_wait function", async () => {
    const javascript = await detect(
      `export class ExponentialBackoff {
  constructor(options) {
    this.options = options ? { ...defaultOptions, ...options } : defaultOptions;
  }
  next() {
    return instance(this.options).next(undefined);
  }
}

function BackoffStrategy(options) {
  this.initialDelay_ = options.initialDelay || 100;
}

BackoffStrategy.prototype.next = function () {
  var backoffDelay = this.next_();
  return Math.round(backoffDelay * (1 + Math.random() * this.randomisationFactor_));
};
`,
      "javascript",
    );
    expect(kindsOf(javascript, "ExponentialBackoff.next")).toContain("retry_backoff");
    expect(kindsOf(javascript, "BackoffStrategy.next")).toContain("retry_backoff");
    const python = await detect(
      `def _next_wait(wait, send_value, jitter, elapsed, max_time):
    value = wait.send(send_value)
    seconds = jitter(value) if jitter is not None else value
    if max_time is not None:
        seconds = min(seconds, max_time - elapsed)
    return seconds
`,
      "python",
    );
    expect(kindsOf(python, "_next_wait")).toContain("retry_backoff");
  });

  it("leaves out an iterator's next() in a class not named for waiting, and next() of a retry error", async () => {
    const found = await detect(
      `class TokenStream {
  next() {
    return this.tokens[this.position++];
  }
}

class RetryError extends Error {
  next() {
    return this.cause;
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "TokenStream.next")).not.toContain("retry_backoff");
    expect(kindsOf(found, "RetryError.next")).not.toContain("retry_backoff");
  });
});
