import { describe, expect, it } from "vitest";
import { detect, kindsOf } from "./detect-snippet";

describe("validation: a unit whose job is the check, not a unit that checks before its work", () => {
  it("keeps a validator whose guards reject its input and which hands back the value it checked", async () => {
    const found = await detect(
      `def check_port(value, low, high):
    if not isinstance(value, int):
        raise TypeError("port must be an integer")
    if value < low or value > high:
        raise ValueError("port out of range")
    if value == 0:
        raise ValueError("port zero")
    return value
`,
      "python",
    );
    expect(kindsOf(found, "check_port")).toContain("validation");
  });

  it("leaves out constructors, operator methods and functions that return the result of work", async () => {
    const found = await detect(
      `class Money:
    def __init__(self, amount, currency):
        if amount < 0:
            raise ValueError("negative amount")
        if len(currency) != 3:
            raise ValueError("bad currency")
        self.amount = amount
        self.currency = currency

    def __int__(self):
        if self.currency is None:
            raise ValueError("no currency")
        if self.amount is None:
            raise ValueError("no amount")
        return int(self.amount)

    def __contains__(self, key):
        if key not in self.__dict__:
            return False
        return True

    def convert(self, rate, target):
        if rate <= 0:
            raise ValueError("bad rate")
        if not target:
            raise ValueError("no target")
        return Money(self.amount * rate, target)

def emit_error(event, error):
    if event == "error":
        if isinstance(error, Exception):
            raise error
        raise RuntimeError("unspecified error")
`,
      "python",
    );
    for (const name of ["Money.__init__", "Money.__int__", "Money.__contains__", "Money.convert", "emit_error"]) expect(kindsOf(found, name), name).not.toContain("validation");
  });
});

describe("context_manager: classes there to be used in `with`, and functions handing one out", () => {
  it("marks a small protocol class, a subclass of a context-manager base and a function returning a module's manager", async () => {
    const found = await detect(
      `import contextlib

class _Scope:
    def __init__(self, context):
        self.context = context
    def __enter__(self):
        self.saved = swap(self.context)
        return self.context
    def __exit__(self, *exc):
        swap(self.saved)

class Suppressing(contextlib.AbstractContextManager):
    def __init__(self, *errors):
        self.errors = errors

def scope(context=None):
    if context is None:
        context = current()
    manager = _Scope(context)
    return manager
`,
      "python",
    );
    for (const name of ["_Scope", "Suppressing", "scope"]) expect(kindsOf(found, name), name).toContain("context_manager");
  });

  it("leaves out a function returning a class it defines itself", async () => {
    const found = await detect(
      `def synchronized(lock):
    class _Locked:
        def __enter__(self): lock.acquire()
        def __exit__(self, *exc): lock.release()
    return _Locked()

def make_buffer(size):
    buffer = Buffer(size)
    return buffer

class Buffer:
    def __init__(self, size):
        self.size = size
`,
      "python",
    );
    expect(kindsOf(found, "synchronized")).not.toContain("context_manager");
    expect(kindsOf(found, "make_buffer")).not.toContain("context_manager");
  });
});

describe("adapter: library objects typed, registered or derived, and callback APIs turned into promises", () => {
  it("marks a stream implementing an interface over a socket it is given, typed with the library's class", async () => {
    const found = await detect(
      `import socket
from .base import NetworkStream

class SyncStream(NetworkStream):
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def read(self, max_bytes: int, timeout=None) -> bytes:
        with map_exceptions({socket.timeout: ReadTimeout}):
            self._sock.settimeout(timeout)
            return self._sock.recv(max_bytes)

    def write(self, buffer: bytes, timeout=None) -> None:
        if not buffer:
            return
        errors = {socket.timeout: WriteTimeout, OSError: WriteError}
        with map_exceptions(errors):
            while buffer:
                self._sock.settimeout(timeout)
                sent = self._sock.send(buffer)
                buffer = buffer[sent:]

    def get_extra_info(self, info: str):
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "socket":
            return self._sock
        return None

    def close(self) -> None:
        self._sock.close()
`,
      "python",
    );
    expect(kindsOf(found, "SyncStream")).toContain("adapter");
    expect(kindsOf(found, "SyncStream.read")).toContain("adapter");
    expect(kindsOf(found, "SyncStream.write")).toContain("adapter");
  });

  it("marks a store over a client made through a library constructor handed to a registry, and one derived from it", async () => {
    const found = await detect(
      `import pymongo
from .container import NamespaceManager

class MongoNamespace(NamespaceManager):
    clients = Registry()

    def __init__(self, namespace, url):
        self.client = MongoNamespace.clients.get(url, pymongo.MongoClient, url)
        self.db = self.client.get_default_database()

    def __getitem__(self, key):
        entry = self.db.cache.find_one({"_id": key})
        return entry["value"]

    def set_value(self, key, value):
        self.db.cache.update_one({"_id": key}, {"$set": {"value": value}}, upsert=True)

    def do_remove(self):
        self.db.cache.delete_many({})
`,
      "python",
    );
    expect(kindsOf(found, "MongoNamespace")).toContain("adapter");
    expect(kindsOf(found, "MongoNamespace.__getitem__")).toContain("adapter");
  });

  it("leaves out a class whose typed fields are containers and one that stores a library object without forwarding to it", async () => {
    const found = await detect(
      `import collections
import socket
from .base import Registry

class Listeners(Registry):
    def __init__(self, table: collections.OrderedDict):
        self._table = table
    def add(self, key, value):
        self._table.setdefault(key, []).append(value)
    def remove(self, key):
        self._table.pop(key)

class Address(Registry):
    def __init__(self, sock: socket.socket):
        self._sock = sock
    def describe(self):
        return "socket"
    def label(self):
        return "address"
`,
      "python",
    );
    expect(kindsOf(found, "Listeners")).not.toContain("adapter");
    expect(kindsOf(found, "Address")).not.toContain("adapter");
  });

  it("marks promisify over a callback API and a promise settled by a constructor's callback, not an unused promisify", async () => {
    const found = await detect(
      `const { promisify } = require("util");
class Client_SQLite extends Client {
  async destroyRawConnection(connection) {
    const close = promisify((cb) => connection.close(cb));
    return close();
  }
  acquireRawConnection() {
    return new Promise((resolve, reject) => {
      const db = new this.driver.Database(this.filename, (err) => {
        if (err) return reject(err);
        resolve(db);
      });
    });
  }
  describe(connection) {
    const close = promisify((cb) => connection.close(cb));
    return { close: "available" };
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "Client_SQLite.destroyRawConnection")).toContain("adapter");
    expect(kindsOf(found, "Client_SQLite.acquireRawConnection")).toContain("adapter");
    expect(kindsOf(found, "Client_SQLite.describe")).not.toContain("adapter");
  });
});

describe("cache_memoize: bounded tables, entry records, factories handing over to caching classes, read-through stores", () => {
  it("marks an LRU class evicting when it reaches capacity and a memoizer storing an entry record", async () => {
    const python = await detect(
      `class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self._mapping = {}
        self._queue = deque()

    def __getitem__(self, key):
        value = self._mapping[key]
        self._queue.remove(key)
        self._queue.append(key)
        return value

    def __setitem__(self, key, value):
        if key in self._mapping:
            self._queue.remove(key)
        elif len(self._mapping) == self.capacity:
            del self._mapping[self._queue.popleft()]
        self._queue.append(key)
        self._mapping[key] = value
`,
      "python",
    );
    expect(kindsOf(python, "LRUCache")).toContain("cache_memoize");
    const javascript = await detect(
      `export default function mem(fn, { cache = new Map(), maxAge } = {}) {
  const memoized = function (...args) {
    const key = args[0];
    const item = cache.get(key);
    if (item) {
      return item.data;
    }
    const result = fn.apply(this, args);
    cache.set(key, { data: result, maxAge: maxAge ? Date.now() + maxAge : Infinity });
    return result;
  };
  return memoized;
}
`,
      "javascript",
    );
    expect(kindsOf(javascript, "mem")).toContain("cache_memoize");
  });

  it("marks a decorator factory whose closure returns a memoizing class, and a read-through store call", async () => {
    const found = await detect(
      `class CachedMethod:
    def __init__(self, func, cache):
        self.func = func
        self.cache = cache

    def __get__(self, obj, objtype=None):
        return self.__class__(self.func.__get__(obj), self.cache)

    def __call__(self, *args):
        key = make_key(args)
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = self.func(*args)
            return value

def cachedmethod(cache):
    def decorator(func):
        return CachedMethod(func, cache)
    return decorator

def cache_region(region):
    def decorate(func):
        def cached(*args):
            def go():
                return func(*args)
            return regions[region].get_value(" ".join(args), createfunc=go)
        return cached
    return decorate
`,
      "python",
    );
    for (const name of ["CachedMethod", "cachedmethod", "cache_region"]) expect(kindsOf(found, name), name).toContain("cache_memoize");
  });

  it("leaves out a ring buffer taking an item out, and a store read without a computing fallback", async () => {
    const found = await detect(
      `class Ring:
    def __init__(self, size):
        self.size = size
        self.buffer = [[None]] * size
        self.ptr = -1

    def pop(self):
        item = self.buffer[self.ptr]
        if item is None:
            return None
        self.buffer[self.ptr] = [None]
        self.ptr = (self.ptr - 1) % self.size
        return item

def lookup(store, key, default):
    return store.get_value(key, default)

def decorate(handler):
    def wrapper(request):
        return Response(handler(request))
    return wrapper
`,
      "python",
    );
    for (const name of ["Ring.pop", "lookup", "decorate"]) expect(kindsOf(found, name), name).not.toContain("cache_memoize");
  });
});

describe("cache_memoize: per-object stores in a descriptor's __get__", () => {
  it("marks descriptors keeping the computed value on the instance, not one reading a field another method set", async () => {
    const found = await detect(
      `class memoized_property:
    def __init__(self, fget):
        self.fget = fget
        self.__name__ = fget.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        obj.__dict__[self.__name__] = result = self.fget(obj)
        return result

class lazy_attribute:
    def __init__(self, fget):
        self.fget = fget

    def __get__(self, instance, owner):
        if instance is None:
            return self
        value = self.fget(instance)
        setattr(instance, self.fget.__name__, value)
        return value

class typed_field:
    def __init__(self, name):
        self.name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return instance.__dict__[self.name]

    def __set__(self, instance, value):
        instance.__dict__[self.name] = value
`,
      "python",
    );
    expect(kindsOf(found, "memoized_property")).toContain("cache_memoize");
    expect(kindsOf(found, "lazy_attribute")).toContain("cache_memoize");
    expect(kindsOf(found, "typed_field")).not.toContain("cache_memoize");
  });
});

describe("adapter: an object handed in, or else made by a library", () => {
  it("marks a connection over options.stream || new net.Socket(), not one whose fallback is a plain object", async () => {
    const found = await detect(
      `const net = require("net");
class Connection extends EventEmitter {
  constructor(config) {
    super();
    this.stream = config.stream || new net.Socket();
  }
  connect(port, host) {
    this.stream.setNoDelay(true);
    this.stream.connect(port, host);
  }
  query(text) {
    return this.stream.write(encode(text));
  }
}
class Settings extends Base {
  constructor(config) {
    super();
    this.values = config.values || {};
  }
  read(name) {
    return this.values.get(name);
  }
  write(name, value) {
    this.values.set(name, value);
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "Connection")).toContain("adapter");
    expect(kindsOf(found, "Connection.query")).toContain("adapter");
    expect(kindsOf(found, "Settings")).not.toContain("adapter");
  });
});
