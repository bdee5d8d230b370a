import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/extract/extract-file";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

/** Kinds and evidence per qualname of a Python file at a path inside a package (the path decides what is the package's own). */
async function detectAt(file: string, source: string): Promise<Map<string, { kinds: string[]; evidence: string }>> {
  const extraction = await extractFile({ file, source, language: "python" });
  return new Map(extraction.units.map((unit) => [unit.qualname, { kinds: unit.patterns.map((match) => match.kind), evidence: unit.patterns.flatMap((match) => match.evidence).join(" | ") }]));
}

describe("adapter: an adaptee's module is outside the package (isForeignModule)", () => {
  it("reads the adaptee from the other library, not from the package's own helper", async () => {
    const found = await detectAt(
      "apscheduler/jobstores/sqlalchemy.py",
      `from apscheduler.jobstores.base import BaseJobStore
from apscheduler.util import maybe_ref
from sqlalchemy import create_engine


class SQLAlchemyJobStore(BaseJobStore):
    def __init__(self, url=None, engine=None):
        self.engine = maybe_ref(engine) or create_engine(url)

    def lookup_job(self, job_id):
        return self.engine.execute(job_id)

    def remove_job(self, job_id):
        return self.engine.delete(job_id)

    def shutdown(self):
        self.engine.dispose()
`,
    );
    const store = found.get("SQLAlchemyJobStore")!;
    expect(store.kinds).toContain("adapter");
    expect(store.evidence).toContain("made by the library sqlalchemy");
    expect(store.evidence).not.toContain("library apscheduler");
  });

  it("does not call an object of the package's own modules a library's", async () => {
    const found = await detectAt(
      "zope/interface/registry.py",
      `from zope.interface.adapter import AdapterRegistry


class Components(object):
    def __init__(self):
        self.adapters = AdapterRegistry()

    def register(self, required, provided, factory):
        return self.adapters.add(required, provided, factory)

    def lookup(self, required, provided):
        return self.adapters.find(required, provided)
`,
    );
    expect(found.get("Components")!.kinds).not.toContain("adapter");
  });
});

describe("factory: dispatch to a registered handler", () => {
  it("does not call a handler looked up by name and called a factory", async () => {
    const found = await detect(
      `class Router:
    def __init__(self):
        self.handlers = {}

    def dispatch(self, name, request):
        handler = self.handlers[name]
        return handler(request)
`,
      "python",
    );
    expect(kindsOf(found, "Router.dispatch")).not.toContain("factory");
  });

  it("still marks a class looked up by name and made", async () => {
    const found = await detect(
      `class Loader:
    def __init__(self):
        self.handler_classes = {}

    def make(self, name, request):
        handler_class = self.handler_classes[name]
        return handler_class(request)
`,
      "python",
    );
    expect(kindsOf(found, "Loader.make")).toContain("factory");
  });
});

describe("observer_event: elements that are text are not callbacks", () => {
  it("does not read a loop over __slots__ names testing each as dispatch (copyreg._slotnames)", async () => {
    const found = await detect(
      `def _slotnames(cls):
    names = []
    for c in cls.__mro__:
        if "__slots__" in c.__dict__:
            slots = c.__dict__['__slots__']
            for name in slots:
                if name.startswith('__') and not name.endswith('__'):
                    names.append('_%s%s' % (c.__name__, name))
                else:
                    names.append(name)
    return names
`,
      "python",
    );
    expect(kindsOf(found, "_slotnames")).not.toContain("observer_event");
  });

  it("still reads a loop calling a method of each subscriber as dispatch", async () => {
    const found = await detect(
      `_subscribers = []


def notify_all(event):
    for subscriber in _subscribers:
        subscriber.update(event)
`,
      "python",
    );
    expect(kindsOf(found, "notify_all")).toContain("observer_event");
    expect(evidenceOf(found, "notify_all")).toContain("calling each");
  });
});
