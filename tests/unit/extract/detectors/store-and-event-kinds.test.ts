import { describe, expect, it } from "vitest";
import { detect, kindsOf, evidenceOf } from "./detect-snippet";

describe("repository_crud: the CRUD methods of a repository, and active records", () => {
  it("marks each CRUD method reaching the store, directly or through private helpers", async () => {
    const found = await detect(
      `class Table:
    def __init__(self, storage, name):
        self._storage = storage
        self._name = name

    def _read(self):
        return self._storage.read()

    def _write(self, values):
        self._storage.write(values)

    def _next_id(self):
        return len(self._read()) + 1

    def insert(self, document):
        data = self._read()
        data[self._next_id()] = document
        self._write(data)

    def remove(self, doc_id):
        data = self._read()
        del data[doc_id]
        self._write(data)

    def get(self, doc_id):
        return self._read().get(doc_id)

    def get_first(self):
        return self.get(1)
`,
      "python",
    );
    for (const name of ["Table", "Table.insert", "Table.remove", "Table.get"]) expect(kindsOf(found, name)).toContain("repository_crud");
    expect(evidenceOf(found, "Table.insert")).toContain("self._storage");
    expect(evidenceOf(found, "Table.get_first")).toContain("hands over to self.get()");
    // Private helpers and non-CRUD methods serve the repository; they are not its surface.
    expect(kindsOf(found, "Table._read")).not.toContain("repository_crud");
    expect(kindsOf(found, "Table._next_id")).not.toContain("repository_crud");
  });

  it("marks the CRUD methods of an active-record model running queries built from its class", async () => {
    const found = await detect(
      `class Model:
    @classmethod
    def create(cls, **fields):
        instance = cls(**fields)
        instance.save()
        return instance

    @classmethod
    def get(cls, *conditions):
        query = cls.select()
        if conditions:
            query = query.where(*conditions)
        return query.get()

    def save(self):
        return self.insert(**self.fields).execute()

    def delete_instance(self):
        return type(self).delete().where(self.key()).execute()
`,
      "python",
    );
    for (const name of ["Model.create", "Model.get", "Model.save", "Model.delete_instance"]) expect(kindsOf(found, name)).toContain("repository_crud");
    expect(evidenceOf(found, "Model.save")).toContain("active-record");
  });

  it("leaves caches and classes whose CRUD-named methods touch no store alone", async () => {
    const found = await detect(
      `from collections import OrderedDict


class BoundedCache:
    def __init__(self, maxsize):
        self._data = OrderedDict()
        self.maxsize = maxsize

    def get(self, key):
        value = self._data[key]
        self._data.move_to_end(key)
        return value

    def set(self, key, value):
        self._data[key] = value
        if len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def delete(self, key):
        del self._data[key]

    def update(self, other):
        for key in other:
            self.set(key, other[key])


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, amount):
        self.total += amount

    def remove(self, amount):
        self.total -= amount

    def get(self):
        return self.total


class Session:
    def __init__(self):
        self.adapters = {}

    def request(self, method, url):
        return self.adapters[url].send(method, url)

    def get(self, url):
        return self.request("GET", url)

    def post(self, url):
        return self.request("POST", url)

    def put(self, url):
        return self.request("PUT", url)

    def delete(self, url):
        return self.request("DELETE", url)

    def head(self, url):
        return self.request("HEAD", url)
`,
      "python",
    );
    for (const name of ["BoundedCache", "BoundedCache.get", "BoundedCache.delete", "Counter", "Counter.add", "Counter.get", "Session", "Session.get", "Session.delete"]) expect(kindsOf(found, name)).not.toContain("repository_crud");
    expect(kindsOf(found, "BoundedCache")).toContain("cache_memoize");
  });
});

describe("observer_event: dispatch handed over, indexed, by deletion, to hook methods, and inherited", () => {
  it("finds registries whose dispatch hands the callbacks to a function, unregistering by deletion, and their subclasses", async () => {
    const found = await detect(
      `function callHooks(hooks, args) {
  for (let i = 0; i < hooks.length; i += 1) hooks[i](...args);
}

export class Hooks {
  constructor() { this._hooks = {}; }
  hook(name, fn) {
    this._hooks[name] = this._hooks[name] || [];
    this._hooks[name].push(fn);
  }
  removeHooks(name) { delete this._hooks[name]; }
  callHook(name, ...args) {
    const hooks = this._hooks[name];
    return callHooks(hooks.slice(), args);
  }
}

class LoggedHooks extends Hooks {
  callHook(name, ...args) {
    console.log(name);
    return super.callHook(name, ...args);
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "callHooks")).toContain("observer_event");
    expect(evidenceOf(found, "Hooks.callHook")).toContain("hands the registered callbacks (_hooks) to callHooks()");
    expect(evidenceOf(found, "Hooks.removeHooks")).toContain("unregisters callbacks");
    expect(kindsOf(found, "LoggedHooks")).toContain("observer_event");
    expect(evidenceOf(found, "LoggedHooks.callHook")).toContain("overrides Hooks.callHook()");
  });

  it("finds event-handler bases dispatching to on_* hooks and functions calling each handler they are given", async () => {
    const found = await detect(
      `def call_handlers(handlers, details):
    for handler in handlers:
        handler(details)


def pipeline(steps, value):
    for step in steps:
        value = step(value)
    return value


class FileEventHandler:
    def dispatch(self, event):
        self.on_any_event(event)
        {
            "created": self.on_created,
            "deleted": self.on_deleted,
        }[event.event_type](event)

    def on_any_event(self, event):
        pass

    def on_created(self, event):
        pass

    def on_deleted(self, event):
        pass


class Shape:
    def draw(self, canvas):
        self.on_top(canvas)
        self.on_bottom(canvas)

    def on_top(self, canvas):
        return canvas.top

    def on_bottom(self, canvas):
        return canvas.bottom
`,
      "python",
    );
    expect(kindsOf(found, "call_handlers")).toContain("observer_event");
    expect(kindsOf(found, "pipeline")).not.toContain("observer_event");
    expect(kindsOf(found, "FileEventHandler")).toContain("observer_event");
    expect(evidenceOf(found, "FileEventHandler.dispatch")).toContain("chosen from a table keyed by the event");
    // Two on_* helpers called in a row are no dispatch table and no event: the shape is the table or a name lookup.
    expect(kindsOf(found, "Shape.draw")).not.toContain("observer_event");
  });
});

describe("cache_memoize: cache classes' members and memoizing decorator factories", () => {
  it("finds eviction in any write method, members working on the table or memoising through get and set, and factories handing over to a memoizer", async () => {
    const found = await detect(
      `from collections import OrderedDict


def _cache(cache, typed):
    def decorator(func):
        def wrapper(*args):
            key = (args, typed)
            if key in cache:
                return cache[key]
            value = func(*args)
            cache[key] = value
            return value
        return wrapper
    return decorator


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize):
        return _cache(LRUCache(128), typed)(maxsize)
    return _cache(LRUCache(maxsize), typed)


def retry_twice(func):
    return _with_retries(func, 2)


def _with_retries(func, times):
    return func


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self._entries = OrderedDict()

    def __setitem__(self, key, value):
        self.set(key, value)

    def get(self, key, default=None):
        return self._entries.get(key, default)

    def set(self, key, value):
        self._entries[key] = value
        if len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def keys_by_age(self):
        return list(self._entries.keys())

    def memo(self, key, compute):
        value = self.get(key)
        if value is None:
            value = compute(key)
            self.set(key, value)
        return value

    def describe(self):
        return f"LRU cache of {self.capacity}"
`,
      "python",
    );
    expect(kindsOf(found, "LRUCache")).toContain("cache_memoize");
    expect(evidenceOf(found, "LRUCache.keys_by_age")).toContain("works on the entries (_entries)");
    expect(evidenceOf(found, "LRUCache.memo")).toContain("reads then fills the entries through its own get and set");
    expect(kindsOf(found, "LRUCache.describe")).not.toContain("cache_memoize");
    expect(evidenceOf(found, "lru_cache")).toContain("_cache() memoises");
    // Handing over to a same-file function that does not memoise is no cache.
    expect(kindsOf(found, "retry_twice")).not.toContain("cache_memoize");
  });
});

describe("retry_backoff: wait strategies as classes, computed backoff waits and retry decorators", () => {
  it("finds growth through chained locals, linear growth with the attempt, backoff generators, computed waits and retry decorators", async () => {
    const found = await detect(
      `import itertools
import time


class wait_exponential:
    def __init__(self, multiplier=1, exp_base=2, maximum=60):
        self.multiplier = multiplier
        self.exp_base = exp_base
        self.max = maximum

    def __call__(self, retry_state):
        exp = self.exp_base ** (retry_state.attempt_number - 1)
        result = self.multiplier * exp
        return min(result, self.max)


class wait_incrementing:
    def __call__(self, retry_state):
        result = self.start + self.increment * (retry_state.attempt_number - 1)
        return max(0, min(result, self.max))


def exponential_backoff(factor):
    yield 0
    for n in itertools.count(2):
        yield factor * 2 ** n


class Policy:
    def sleep_between_attempts(self):
        backoff = self.get_backoff_time()
        if backoff <= 0:
            return
        time.sleep(backoff)


def retry(*dargs, **dkw):
    def wrap(f):
        r = Retrying(*dargs, **dkw)
        return r.wraps(f)
    return wrap
`,
      "python",
    );
    for (const name of ["wait_exponential", "wait_exponential.__call__", "wait_incrementing.__call__", "exponential_backoff", "Policy.sleep_between_attempts", "retry"]) {
      expect(kindsOf(found, name)).toContain("retry_backoff");
    }
    expect(evidenceOf(found, "retry")).toContain("retries it through Retrying()");
  });

  it("leaves polling loops, squares, plain decorators and timers alone", async () => {
    const found = await detect(
      `import time


def poll(queue, interval):
    while True:
        item = queue.get_nowait()
        if item:
            return item
        time.sleep(interval)


class Square:
    def area(self):
        return self.width ** 2


def timed(f):
    def wrapper(*args):
        start = time.time()
        value = f(*args)
        print(time.time() - start)
        return value
    return wrapper


def throttle(limiter):
    pause = limiter.seconds_left()
    time.sleep(pause)
`,
      "python",
    );
    for (const name of ["poll", "Square.area", "timed", "throttle"]) expect(kindsOf(found, name)).not.toContain("retry_backoff");
  });

  it("finds small classes named for a backoff that hand back the wait", async () => {
    const found = await detect(
      `export class ConstantBackoff {
  constructor(interval) { this.interval = interval; }
  next() { return { duration: this.interval }; }
}

export class ConstantColor {
  constructor(value) { this.value = value; }
  next() { return { value: this.value }; }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "ConstantBackoff")).toContain("retry_backoff");
    expect(kindsOf(found, "ConstantColor")).not.toContain("retry_backoff");
  });
});

describe("observer_event and cache_memoize at module level and per object", () => {
  it("finds module-level subscribe/unsubscribe, dispatch through an element's method, and listener-registering decorators", async () => {
    const found = await detect(
      `_subscribers = []


def subscribe(fn):
    _subscribers.append(fn)


def unsubscribe(fn):
    _subscribers.remove(fn)


def call_hooks(hook_impls, kwargs):
    for hook_impl in reversed(hook_impls):
        hook_impl.function(**kwargs)


def listens_for(target, identifier):
    def decorate(fn):
        listen(target, identifier, fn)
        return fn
    return decorate


def add_item(item):
    _items.append(item)


def remember(fn):
    cache_of(fn)
    return fn
`,
      "python",
    );
    for (const name of ["subscribe", "unsubscribe", "call_hooks", "listens_for", "listens_for.decorate"]) expect(kindsOf(found, name)).toContain("observer_event");
    expect(kindsOf(found, "add_item")).not.toContain("observer_event");
    expect(kindsOf(found, "remember")).not.toContain("observer_event");
  });

  it("finds per-object memoising, expiry against the clock and eviction in a helper of the write method, not lazy singletons", async () => {
    const found = await detect(
      `import time


def memoized_property(fget):
    attr_name = "_memo_" + fget.__name__

    def fget_memoized(self):
        if not hasattr(self, attr_name):
            setattr(self, attr_name, fget(self))
        return getattr(self, attr_name)
    return fget_memoized


def shared(cls):
    name = "_shared"
    if not hasattr(cls, name):
        setattr(cls, name, cls())
    return getattr(cls, name)


class LocalCache:
    def __init__(self, timeout):
        self.default_timeout = timeout
        self._cache = {}
        self._expire_info = {}

    def get(self, key):
        if self._has_expired(key):
            return None
        return self._cache[key]

    def set(self, key, value):
        self._cache[key] = value
        self._expire_info[key] = time.time() + self.default_timeout

    def _has_expired(self, key):
        exp = self._expire_info.get(key, -1)
        return exp is not None and exp <= time.time()


class BoundedMap:
    def __init__(self, capacity):
        self.capacity = capacity
        self._data = {}

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value
        self._manage_size()

    def _manage_size(self):
        while len(self._data) > self.capacity:
            oldest = min(self._data)
            del self._data[oldest]


class Registry:
    def __init__(self):
        self._data = {}

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value
        self._log()

    def _log(self):
        print(len(self._data))
`,
      "python",
    );
    expect(kindsOf(found, "memoized_property")).toContain("cache_memoize");
    expect(kindsOf(found, "shared")).not.toContain("cache_memoize");
    expect(evidenceOf(found, "LocalCache")).toContain("entries expire against the clock");
    expect(kindsOf(found, "BoundedMap")).toContain("cache_memoize");
    expect(kindsOf(found, "Registry")).not.toContain("cache_memoize");
  });
});
