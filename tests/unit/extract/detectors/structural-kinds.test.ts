import { describe, expect, it } from "vitest";
import { detect, kindsOf } from "./detect-snippet";

describe("builder: chaining setters", () => {
  it("marks a query builder whose setters return this, and each setter", async () => {
    const found = await detect(
      `export class SelectBuilder {
  private wheres: string[] = [];
  private limitCount?: number;
  constructor(private table: string) {}
  where(clause: string) { this.wheres.push(clause); return this; }
  orderBy(column: string) { this.order = column; return this; }
  limit(count: number) { this.limitCount = count; return this; }
  toSql() { return \`select * from \${this.table} where \${this.wheres.join(" and ")}\`; }
}`,
      "typescript",
    );
    expect(kindsOf(found, "SelectBuilder")).toContain("builder");
    expect(kindsOf(found, "SelectBuilder.where")).toContain("builder");
    expect(found.get("SelectBuilder.where")!.evidence.join(" ")).toContain("one of 3 chainable methods");
    expect(kindsOf(found, "SelectBuilder.toSql")).not.toContain("builder");
  });

  it("marks copy-on-write builders that return a new builder made from their own state", async () => {
    const found = await detect(
      `export class TableBuilder {
  #props;
  constructor(props) { this.#props = props; }
  addColumn(name, type) { return new TableBuilder({ ...this.#props, columns: [...this.#props.columns, { name, type }] }); }
  ifNotExists() { return new TableBuilder({ ...this.#props, ifNotExists: true }); }
  temporary() { return new TableBuilder({ ...this.#props, temporary: true }); }
}`,
      "javascript",
    );
    expect(kindsOf(found, "TableBuilder")).toContain("builder");
    expect(kindsOf(found, "TableBuilder.ifNotExists")).toContain("builder");
  });

  it("leaves emitter plumbing, identity methods and async I/O returning self alone", async () => {
    const found = await detect(
      `class Cursor:
    def __init__(self, conn, cursor):
        self._conn = conn
        self._cursor = cursor

    async def execute(self, sql, parameters=None):
        await self._conn.run(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql, rows):
        await self._conn.run(self._cursor.executemany, sql, rows)
        return self

    async def executescript(self, script):
        await self._conn.run(self._cursor.executescript, script)
        return self

class Number:
    @property
    def real(self):
        return self

    def conjugate(self):
        return self

    def canonical(self):
        return self
`,
      "python",
    );
    expect(kindsOf(found, "Cursor")).not.toContain("builder");
    expect(kindsOf(found, "Cursor.execute")).not.toContain("builder");
    expect(kindsOf(found, "Number")).not.toContain("builder");
  });
});

describe("observer_event: register, unregister, dispatch", () => {
  const emitter = `from collections import OrderedDict


class EventEmitter:
    def __init__(self):
        self._events = {}

    def on(self, event, f):
        self._add_event_handler(event, f)
        return f

    def _add_event_handler(self, event, f):
        if event not in self._events:
            self._events[event] = OrderedDict()
        self._events[event][f] = f

    def remove_listener(self, event, f):
        self._events[event].pop(f)

    def remove_all_listeners(self):
        self._events = dict()

    def emit(self, event, *args):
        for f in list(self._events.get(event, OrderedDict()).values()):
            f(*args)

    def event_names(self):
        return set(self._events.keys())
`;

  it("marks each method by its role, including the ones that hand over to a sibling", async () => {
    const found = await detect(emitter, "python");
    for (const qualname of ["EventEmitter", "EventEmitter.on", "EventEmitter._add_event_handler", "EventEmitter.remove_listener", "EventEmitter.remove_all_listeners", "EventEmitter.emit"]) {
      expect({ qualname, kinds: kindsOf(found, qualname) }).toEqual({ qualname, kinds: ["observer_event"] });
    }
    expect(found.get("EventEmitter.on")!.evidence.join(" ")).toContain("calls self._add_event_handler()");
    expect(kindsOf(found, "EventEmitter.event_names")).toEqual([]);
  });

  it("marks decorator-style registrars that store and return the function", async () => {
    const found = await detect(
      `class App:
    def __init__(self):
        self.before_request_funcs = {}

    def before_request(self, f):
        self.before_request_funcs.setdefault(None, []).append(f)
        return f

    def preprocess_request(self):
        for func in self.before_request_funcs.get(None, ()):
            rv = self.ensure_sync(func)()
            if rv is not None:
                return rv
`,
      "python",
    );
    expect(kindsOf(found, "App.before_request")).toContain("observer_event");
    expect(kindsOf(found, "App.preprocess_request")).toContain("observer_event");
  });

  it("leaves collections of plain values alone (labels, actions, weak references)", async () => {
    const found = await detect(
      `class Message:
    def __init__(self):
        self._labels = []

    def add_label(self, label):
        if label not in self._labels:
            self._labels.append(label)

    def remove_label(self, label):
        self._labels.remove(label)

    def get_labels(self):
        return self._labels[:]
`,
      "python",
    );
    for (const qualname of ["Message", "Message.add_label", "Message.remove_label"]) expect(kindsOf(found, qualname)).not.toContain("observer_event");
  });
});

describe("adapter: delegating to a library, converting callbacks", () => {
  it("marks a class implementing its base's abstract methods through a library pool", async () => {
    const found = await detect(
      `from urllib3 import PoolManager


class BaseTransport:
    def send(self, request):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError


class PoolTransport(BaseTransport):
    def __init__(self, retries=3):
        self.pool = PoolManager(retries=retries)

    def send(self, request):
        response = self.pool.urlopen(request.method, request.url, body=request.body)
        return response

    def close(self):
        self.pool.clear()
`,
      "python",
    );
    expect(kindsOf(found, "PoolTransport")).toContain("adapter");
    expect(found.get("PoolTransport")!.evidence.join(" ")).toContain("made by the library urllib3");
  });

  it("marks a function that wraps a Node-style callback API in a Promise, not a sleep", async () => {
    const found = await detect(
      `export function readFileAsync(fs, path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, (err, data) => (err ? reject(err) : resolve(data)));
  });
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
`,
      "javascript",
    );
    expect(kindsOf(found, "readFileAsync")).toEqual(["adapter"]);
    expect(kindsOf(found, "sleep")).toEqual([]);
  });

  it("leaves a class that only uses a lock or a queue alone", async () => {
    const found = await detect(
      `import threading


class Counter(object):
    def __init__(self):
        self._lock = threading.Lock()
        self.value = 0

    def increment(self):
        with self._lock:
            self.value += 1

    def reset(self):
        self._lock.acquire()
        self.value = 0
        self._lock.release()
`,
      "python",
    );
    expect(kindsOf(found, "Counter")).toEqual([]);
  });
});

describe("repository_crud: generic entity repositories", () => {
  it("marks a repository delegating save/find/update/delete to an entity manager", async () => {
    const found = await detect(
      `export class Repository<Entity> {
  constructor(private readonly manager: EntityManager, private readonly target: string) {}
  save(entity: Entity) { return this.manager.save(this.target, entity); }
  findOneBy(where: object) { return this.manager.findOneBy(this.target, where); }
  update(id: string, patch: object) { return this.manager.update(this.target, id, patch); }
  delete(id: string) { return this.manager.delete(this.target, id); }
}`,
      "typescript",
    );
    expect(kindsOf(found, "Repository")).toContain("repository_crud");
  });

  it("marks an abstract store declaring CRUD methods for its implementations", async () => {
    const found = await detect(
      `from abc import ABC, abstractmethod


class BaseJobStore(ABC):
    @abstractmethod
    def lookup_job(self, job_id):
        """Returns the job or None."""

    @abstractmethod
    def add_job(self, job):
        """Adds the job."""

    @abstractmethod
    def update_job(self, job):
        """Replaces the job."""

    @abstractmethod
    def remove_job(self, job_id):
        """Removes the job."""
`,
      "python",
    );
    expect(kindsOf(found, "BaseJobStore")).toContain("repository_crud");
  });

  it("does not read the constructor as a CRUD verb", async () => {
    const found = await detect(
      `export class Client {
  constructor(config) { this.config = { ...config }; }
  list() { return this.config.items; }
  delete(name) { return this.request("DELETE", name); }
}`,
      "javascript",
    );
    expect(kindsOf(found, "Client")).toEqual([]);
  });
});

describe("retry_backoff: wait strategies and backoff delays", () => {
  it("marks a small class computing an exponential wait and a function computing the delay", async () => {
    const found = await detect(
      `class ExponentialWait:
    def __init__(self, multiplier=1, exp_base=2, maximum=60):
        self.multiplier = multiplier
        self.exp_base = exp_base
        self.maximum = maximum

    def __call__(self, attempt_number):
        wait = self.multiplier * self.exp_base ** (attempt_number - 1)
        return min(wait, self.maximum)


def backoff_delay(retries, base=0.5):
    return base * 2 ** retries
`,
      "python",
    );
    expect(kindsOf(found, "ExponentialWait")).toContain("retry_backoff");
    expect(kindsOf(found, "backoff_delay")).toContain("retry_backoff");
  });

  it("leaves arithmetic powers and loops over entries alone", async () => {
    const found = await detect(
      `def area(radius):
    return 3.14159 * radius ** 2


def remove_all(entries):
    for entry in entries:
        try:
            entry.unlink()
        except OSError:
            pass
`,
      "python",
    );
    expect(kindsOf(found, "area")).toEqual([]);
    expect(kindsOf(found, "remove_all")).toEqual([]);
  });
});

describe("cache_memoize: TTL/LRU classes and per-object stores", () => {
  it("marks an LRU cache class that evicts when full", async () => {
    const found = await detect(
      `from collections import OrderedDict


class LRUCache:
    def __init__(self, maxsize=128):
        self.maxsize = maxsize
        self._data = OrderedDict()

    def get(self, key, default=None):
        if key not in self._data:
            return default
        self._data.move_to_end(key)
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value
        if len(self._data) > self.maxsize:
            self._data.popitem(last=False)
`,
      "python",
    );
    expect(kindsOf(found, "LRUCache")).toContain("cache_memoize");
  });

  it("marks a memoising decorator that keeps the value on the instance", async () => {
    const found = await detect(
      `def cached(f):
    name = "_cached_" + f.__name__

    def wrapper(self):
        value = getattr(self, name, None)
        if value is None:
            value = f(self)
            setattr(self, name, value)
        return value

    return wrapper
`,
      "python",
    );
    expect(kindsOf(found, "cached")).toContain("cache_memoize");
  });

  it("leaves a FIFO queue with get/put alone", async () => {
    const found = await detect(
      `from collections import deque


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self.queue = deque()

    def put(self, item):
        if 0 < self.maxsize <= len(self.queue):
            raise OverflowError("full")
        self.queue.append(item)

    def get(self):
        return self.queue.popleft()
`,
      "python",
    );
    expect(kindsOf(found, "Queue")).toEqual([]);
  });
});

describe("validation: small checks and validator classes", () => {
  it("marks is_x/valid_x functions whose body only checks the input", async () => {
    const found = await detect(
      `import re

_LABEL = re.compile(r"^[a-z0-9-]+$")


def valid_label_length(label):
    if len(label) > 63:
        return False
    return True


def is_label(label):
    return bool(_LABEL.match(label))


def check_port(port):
    if not 0 < port < 65536:
        raise ValueError("port out of range")
    return port
`,
      "python",
    );
    expect(kindsOf(found, "valid_label_length")).toEqual(["validation"]);
    expect(kindsOf(found, "is_label")).toEqual(["validation"]);
    expect(kindsOf(found, "check_port")).toEqual(["validation"]);
  });

  it("marks a validator class whose __call__ rejects bad input", async () => {
    const found = await detect(
      `class Range:
    def __init__(self, minimum=None, maximum=None):
        self.minimum = minimum
        self.maximum = maximum

    def __call__(self, value):
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(f"must be at least {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(f"must be at most {self.maximum}")
        return value
`,
      "python",
    );
    expect(kindsOf(found, "Range")).toContain("validation");
  });

  it("leaves a method that checks a precondition and then does its work alone", async () => {
    const found = await detect(
      `class Mailbox:
    def add_label(self, label):
        if not isinstance(label, str):
            raise TypeError("label must be a string")
        self._labels.append(label)
        self._dirty = True
`,
      "python",
    );
    expect(kindsOf(found, "Mailbox.add_label")).toEqual([]);
  });
});

describe("names that are also Object.prototype members", () => {
  it("does not take `constructor` or `toString` for an imported module", async () => {
    const found = await detect(
      `export class Holder {
  constructor(options) {
    this.store = constructor(options);
    this.text = toString(options);
  }
  read() { return this.store.read(); }
  write(value) { return this.store.write(value); }
}`,
      "javascript",
    );
    expect(kindsOf(found, "Holder")).not.toContain("adapter");
  });
});
