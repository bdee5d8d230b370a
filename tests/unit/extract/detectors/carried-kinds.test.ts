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
