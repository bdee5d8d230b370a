import { describe, expect, it } from "vitest";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

describe("repository_crud: an in-memory collection is an entity store only in a class named for storing", () => {
  it("finds an in-memory job store and its CRUD methods", async () => {
    const found = await detect(
      `class MemoryJobStore(BaseJobStore):
    def __init__(self):
        super().__init__()
        self._jobs = []
        self._jobs_index = {}

    def lookup_job(self, job_id):
        return self._jobs_index.get(job_id, (None, None))[0]

    def add_job(self, job):
        if job.id in self._jobs_index:
            raise ConflictingIdError(job.id)
        self._jobs.append(job)
        self._jobs_index[job.id] = job

    def update_job(self, job):
        old_job = self._jobs_index.get(job.id)
        self._jobs_index[job.id] = job

    def remove_job(self, job_id):
        del self._jobs_index[job_id]
`,
      "python",
    );
    expect(kindsOf(found, "MemoryJobStore")).toContain("repository_crud");
    expect(evidenceOf(found, "MemoryJobStore")).toMatch(/a collection it creates/);
    expect(kindsOf(found, "MemoryJobStore.add_job")).toContain("repository_crud");
  });

  it("leaves out a registry of models kept in a list it creates", async () => {
    const found = await detect(
      `class ModelManager {
  constructor(sequelize) {
    this.models = [];
    this.sequelize = sequelize;
  }
  addModel(model) {
    this.models.push(model);
    this.sequelize.models[model.name] = model;
    return model;
  }
  removeModel(modelToRemove) {
    this.models = this.models.filter((model) => model.name !== modelToRemove.name);
    delete this.sequelize.models[modelToRemove.name];
  }
  getModel(against, options) {
    return this.models.find((model) => model[options.attribute] === against);
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "ModelManager")).not.toContain("repository_crud");
    expect(kindsOf(found, "ModelManager.addModel")).not.toContain("repository_crud");
    expect(kindsOf(found, "ModelManager.getModel")).not.toContain("repository_crud");
  });
});

describe("cache_memoize: the read and write operations of a cache by role", () => {
  const source = `class Cache(object):
    def __init__(self, namespace, type="memory", **nsargs):
        cls = clsmap[type]
        self.namespace = cls(namespace, **nsargs)

    def put(self, key, value, **kw):
        self._get_value(key, **kw).set_value(value)

    def get(self, key, **kw):
        return self._get_value(key, **kw).get_value()

    def get_or_create(self, key, creation_function, **kw):
        return self._get_value(key, createfunc=creation_function, **kw).get_value()

    def get_stats(self):
        return self.namespace.stats()

    def _get_value(self, key, **kw):
        return Value(key, self.namespace, **kw)


class Settings(object):
    def __init__(self, path):
        self.path = path

    def get(self, key):
        return read_setting(self.path, key)

    def put(self, key, value):
        write_setting(self.path, key, value)
`;

  it("gives the kind to a cache class's get, put and get_or_create", async () => {
    const found = await detect(source, "python");
    expect(kindsOf(found, "Cache")).toContain("cache_memoize");
    for (const method of ["Cache.get", "Cache.put", "Cache.get_or_create"]) expect(kindsOf(found, method)).toContain("cache_memoize");
    expect(evidenceOf(found, "Cache.get")).toMatch(/method of Cache, a cache: get\(\) reads its entries by key/);
  });

  it("leaves out a cache's other methods and the get and put of a class not named for caching", async () => {
    const found = await detect(source, "python");
    expect(kindsOf(found, "Cache.get_stats")).not.toContain("cache_memoize");
    expect(kindsOf(found, "Settings.get")).not.toContain("cache_memoize");
    expect(kindsOf(found, "Settings.put")).not.toContain("cache_memoize");
  });
});

describe("factory: a class or maker chosen at run time and called", () => {
  const source = `class PayloadRegistry:
    def __init__(self):
        self._first = []

    def get(self, data, *args, **kwargs):
        for factory, type_ in self._first:
            if isinstance(data, type_):
                return factory(data, *args, **kwargs)
        raise LookupError()


class Cache:
    def _load_impl(self, name):
        return _cache_plugins.load(name)(self)


def make_lexer(alias, **options):
    cls = LEXERS[alias]
    return cls(**options)


class Dispatcher:
    def __init__(self):
        self.handlers = {}

    def dispatch(self, request):
        for handler in self.handlers.values():
            return handler(request)

    def run(self, command, argument):
        return getattr(self, "do_" + command)(argument)

    def route(self, name, request):
        return self.get_handler(name)(request)
`;

  it("finds makers taken from a registry, a table, or a plugin loader", async () => {
    const found = await detect(source, "python");
    expect(kindsOf(found, "PayloadRegistry.get")).toContain("factory");
    expect(kindsOf(found, "Cache._load_impl")).toContain("factory");
    expect(evidenceOf(found, "Cache._load_impl")).toMatch(/load\(\) looks up by key/);
    expect(kindsOf(found, "make_lexer")).toContain("factory");
  });

  it("leaves out handlers looked up and called, and dynamic method calls", async () => {
    const found = await detect(source, "python");
    for (const unit of ["Dispatcher.dispatch", "Dispatcher.run", "Dispatcher.route"]) expect(kindsOf(found, unit)).not.toContain("factory");
  });
});
