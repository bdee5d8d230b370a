import { describe, expect, it } from "vitest";
import { detect, kindsOf } from "./detect-snippet";

describe("adapter by role: a class that is, or implements, an …Adapter/…Transport/…Driver and calls out to what it wraps", () => {
  it("finds a transport adapter configuring a library's pool, and a bridge over a store it is given", async () => {
    const python = await detect(
      `from requests.adapters import HTTPAdapter
from .._compat import poolmanager

class SSLAdapter(HTTPAdapter):
    def __init__(self, ssl_version=None, **kwargs):
        self.ssl_version = ssl_version
        super(SSLAdapter, self).__init__(**kwargs)

    def init_poolmanager(self, connections, maxsize, block=False):
        self.poolmanager = poolmanager.PoolManager(num_pools=connections, maxsize=maxsize, ssl_version=self.ssl_version)
`,
      "python",
    );
    expect(kindsOf(python, "SSLAdapter")).toContain("adapter");
    const javascript = await detect(
      `var StoreBridgeAdapter = class extends Emitter {
  constructor(store, options) {
    super();
    this._store = store;
    this._namespace = options.namespace;
  }
  async get(key) {
    const data = await this._store.get(this._namespace + ":" + key);
    return data === null ? undefined : data;
  }
  async set(key, value, expires) {
    return this._store.set(this._namespace + ":" + key, value, expires - Date.now());
  }
};
`,
      "javascript",
    );
    expect(kindsOf(javascript, "StoreBridgeAdapter")).toContain("adapter");
  });

  it("leaves out the interface itself, a family root, and an adapter-named class that only keeps plain data", async () => {
    const found = await detect(
      `class BaseTransport:
    def handle_request(self, request):
        raise NotImplementedError()

class ServerAdapter(object):
    def __init__(self, host="127.0.0.1", **options):
        self.options = options
        self.host = host

    def run(self, handler):
        pass

    def __repr__(self):
        args = ", ".join("%s=%s" % (k, v) for k, v in self.options.items())
        return "%s(%s)" % (self.__class__.__name__, args)

class CGIServer(ServerAdapter):
    def run(self, handler):
        from wsgiref.handlers import CGIHandler
        CGIHandler().run(handler)

class WSGIRefServer(ServerAdapter):
    def run(self, app):
        from wsgiref.simple_server import make_server
        make_server(self.host, 8080, app).serve_forever()

class SettingsAdapter:
    def __init__(self):
        self.values = {}

    def get(self, key):
        return self.values.get(key)
`,
      "python",
    );
    for (const name of ["BaseTransport", "ServerAdapter", "SettingsAdapter"]) expect(kindsOf(found, name), name).not.toContain("adapter");
    expect(kindsOf(found, "CGIServer")).toContain("adapter");
  });
});

describe("cache by role: a class named for caching that reads and writes entries by key", () => {
  it("finds a cache kept in files or a cache server, and its same-file subclasses", async () => {
    const found = await detect(
      `class BytecodeCache:
    def load_bytecode(self, bucket):
        raise NotImplementedError()

    def dump_bytecode(self, bucket):
        raise NotImplementedError()

    def get_bucket(self, environment, name, filename, source):
        key = self.get_cache_key(name, filename)
        bucket = Bucket(environment, key, source)
        self.load_bytecode(bucket)
        return bucket

    def set_bucket(self, bucket):
        self.dump_bytecode(bucket)

class FileSystemBytecodeCache(BytecodeCache):
    def load_bytecode(self, bucket):
        with open(self._get_cache_filename(bucket), "rb") as f:
            bucket.load_bytecode(f)
`,
      "python",
    );
    expect(kindsOf(found, "BytecodeCache")).toContain("cache_memoize");
    expect(kindsOf(found, "FileSystemBytecodeCache")).toContain("cache_memoize");
  });

  it("leaves out a cache error, a cache-key helper class and a cache-named class that neither reads nor writes entries", async () => {
    const found = await detect(
      `class CacheError(Exception):
    def get_message(self):
        return self.args[0]

    def set_message(self, message):
        self.args = (message,)

class CacheKey:
    def __init__(self, parts):
        self.parts = parts

    def get(self):
        return ":".join(self.parts)

    def set(self, parts):
        self.parts = parts

class RegionCache:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return "region " + self.name
`,
      "python",
    );
    for (const name of ["CacheError", "CacheKey", "RegionCache"]) expect(kindsOf(found, name), name).not.toContain("cache_memoize");
  });
});

describe("validation: small is_x / isX predicates and checks answering through other predicates", () => {
  it("finds module-level isX checks of a value and a check whose answers are other predicates' answers", async () => {
    const javascript = await detect(
      `function isFQDN(str, options) {
  if (str.length > 253) {
    return false;
  }
  const parts = str.split(".");
  if (!options.allow_trailing_dot && str[str.length - 1] === ".") {
    return false;
  }
  return parts.every((part) => part.length <= 63);
}

function isPort(str) {
  if (str === "") {
    return false;
  }
  return isInt(str, { allow_leading_zeroes: false, min: 0, max: 65535 });
}
`,
      "javascript",
    );
    expect(kindsOf(javascript, "isFQDN")).toContain("validation");
    expect(kindsOf(javascript, "isPort")).toContain("validation");
    const python = await detect(
      `def valid_context(label, pos):
    value = ord(label[pos])
    if value == 0x0375:
        return _is_script(label[pos + 1], "Greek")
    if value == 0x05F3:
        return _is_script(label[pos - 1], "Hebrew")
    return False
`,
      "python",
    );
    expect(kindsOf(python, "valid_context")).toContain("validation");
  });

  it("leaves out an object's state predicate, an error classifier and names that only start with 'is'", async () => {
    const python = await detect(
      `class Bag:
    def is_empty(self, strict):
        if strict and self.items is None:
            return False
        return len(self.items) == 0

def issue_tickets(queue, count):
    for _ in range(count):
        queue.append(Ticket())
    if len(queue) > 100:
        return False
    return True
`,
      "python",
    );
    for (const name of ["Bag.is_empty", "issue_tickets"]) expect(kindsOf(python, name), name).not.toContain("validation");
    const javascript = await detect(
      `function isNetworkError(error) {
  if (error.response) {
    return false;
  }
  if (!error.code) {
    return false;
  }
  return error.code !== "ECONNABORTED";
}
`,
      "javascript",
    );
    expect(kindsOf(javascript, "isNetworkError")).not.toContain("validation");
  });
});

describe("cache_memoize: a class reading and filling a store it was given adapts that store", () => {
  it("keeps a TTL cache over its own table and leaves out a bridge over a store handed to its constructor", async () => {
    const found = await detect(
      `class TtlCache {
  constructor(ttl) {
    this._table = new Map();
    this._ttl = ttl;
  }
  get(key) {
    const entry = this._table.get(key);
    if (entry && entry.expires < Date.now()) return undefined;
    return entry && entry.value;
  }
  set(key, value) {
    this._table.set(key, { value, expires: Date.now() + this._ttl });
  }
}

class StoreBridge {
  constructor(store, options) {
    this._store = store;
    this._namespace = options.namespace;
  }
  async get(key) {
    const data = await this._store.get(this._namespace + key);
    if (data && typeof data.expires === "number" && data.expires < Date.now()) return undefined;
    return data;
  }
  async set(key, value, expires) {
    return this._store.set(this._namespace + key, value, expires - Date.now());
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "TtlCache")).toContain("cache_memoize");
    expect(kindsOf(found, "StoreBridge")).not.toContain("cache_memoize");
  });
});

describe("context_manager: a module function handing out one context-manager class, not choosing between several", () => {
  it("keeps timeout() returning its Timeout and leaves out open() choosing a reader or a writer", async () => {
    const found = await detect(
      `class Timeout:
    def __init__(self, deadline):
        self.deadline = deadline

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

class Reader:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

class Writer:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

def timeout(delay):
    return Timeout(delay)

def open(f, mode="rb"):
    if mode in ("r", "rb"):
        return Reader(f)
    elif mode in ("w", "wb"):
        return Writer(f)
    raise ValueError("mode must be 'r', 'rb', 'w', or 'wb'")
`,
      "python",
    );
    expect(kindsOf(found, "timeout")).toContain("context_manager");
    expect(kindsOf(found, "open")).not.toContain("context_manager");
  });
});
