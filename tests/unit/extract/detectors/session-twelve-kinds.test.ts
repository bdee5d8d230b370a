import { describe, expect, it } from "vitest";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

describe("adapter: an implementation of an interface whose operations are a library's", () => {
  it("finds a database driver over a module it loads by name, however long its connect()", async () => {
    const found = await detect(
      `const AbstractConnectionManager = require("../abstract/connection-manager");
class ConnectionManager extends AbstractConnectionManager {
  constructor(dialect, sequelize) {
    super(dialect, sequelize);
    const pgLib = this._loadDialectModule("pg");
    this.lib = sequelize.config.native ? pgLib.native : pgLib;
  }
  getTypeParser(oid) {
    return this.lib.types.getTypeParser(oid);
  }
  async connect(config) {
    const settings = { user: config.username, host: config.host, port: config.port };
    if (config.ssl) settings.ssl = config.ssl;
    if (config.timeout) settings.statement_timeout = config.timeout;
    const connection = await new Promise((resolve, reject) => {
      const client = new this.lib.Client(settings);
      client.connect((error) => (error ? reject(error) : resolve(client)));
    });
    return connection;
  }
  disconnect(connection) {
    return connection.end();
  }
  validate(connection) {
    return !connection._ending;
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "ConnectionManager")).toContain("adapter");
    expect(evidenceOf(found, "ConnectionManager")).toMatch(/loaded by name/);
  });

  it("finds a resolver implementing one operation over a library object made in its set-up", async () => {
    const found = await detect(
      `import pycares
from tornado.netutil import Resolver

class CaresResolver(Resolver):
    def initialize(self):
        self.channel = pycares.Channel(sock_state_cb=self._sock_state_cb)

    def _sock_state_cb(self, fd, readable, writable):
        self.fds[fd] = readable

    async def resolve(self, host, port, family=0):
        fut = Future()
        self.channel.gethostbyname(host, family, lambda result, error: fut.set_result((result, error)))
        result, error = await fut
        return [(family, (address, port)) for address in result.addresses]
`,
      "python",
    );
    expect(kindsOf(found, "CaresResolver")).toContain("adapter");
  });

  it("leaves out a subclass that uses a library object in one operation of three, and a module loaded from a relative path", async () => {
    const found = await detect(
      `import pycares
from base import Service

class Reporter(Service):
    def initialize(self):
        self.channel = pycares.Channel()

    def lookup(self, host):
        return self.channel.gethostbyname(host, 0, None)

    def summary(self):
        return {"count": len(self.rows)}

    def render(self):
        return "\\n".join(str(row) for row in self.rows)
`,
      "python",
    );
    expect(kindsOf(found, "Reporter")).not.toContain("adapter");
    const local = await detect(
      `class Loader extends Base {
  constructor() {
    super();
    this.lib = this._loadDialectModule("./local-driver");
  }
  connect(config) {
    return new this.lib.Client(config);
  }
}
`,
      "javascript",
    );
    expect(kindsOf(local, "Loader")).not.toContain("adapter");
  });
});

describe("precision: look-alikes of observer, cache, decorator and factory", () => {
  it("does not call a connection set-up that wires the events of the object it made an observer; a method re-emitting a held store's events still is one", async () => {
    const found = await detect(
      `class ConnectionManager {
  async connect(config) {
    const connection = this.lib.createConnection(config);
    connection.once("connect", () => this.log("connected"));
    connection.on("error", (error) => this.log(error));
    connection.on("end", () => this.log("ended"));
    return connection;
  }
}
class Store {
  listen() {
    this._store.on("error", (error) => this.emit("error", error));
    this._store.on("expired", (key) => this.emit("expired", key));
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "ConnectionManager.connect")).not.toContain("observer_event");
    expect(kindsOf(found, "Store.listen")).toContain("observer_event");
  });

  it("does not call __new__ handing out the instance kept per key a cache; a method memoising results in a dict still is one", async () => {
    const found = await detect(
      `class Bus(object):
    _shared_instances = {}

    def __new__(cls, bus_type=0):
        if bus_type in cls._shared_instances:
            return cls._shared_instances[bus_type]
        bus = super().__new__(cls)
        cls._shared_instances[bus_type] = bus
        return bus


class Prices(object):
    def __init__(self):
        self._cache = {}

    def price(self, code):
        if code in self._cache:
            return self._cache[code]
        value = self._fetch(code)
        self._cache[code] = value
        return value
`,
      "python",
    );
    expect(kindsOf(found, "Bus.__new__")).not.toContain("cache_memoize");
    expect(kindsOf(found, "Prices.price")).toContain("cache_memoize");
  });

  it("does not call a function of several values returning a computation of them a decorator; a decorator factory handing on the one function is one", async () => {
    const found = await detect(
      `function linearDelay(delayFactor = 100) {
  return (retryNumber = 0, error = undefined) => {
    const delay = retryNumber * delayFactor;
    return Math.max(delay, retryAfter(error));
  };
}
function traced(label) {
  return (fn) => {
    return wrapWithSpan(fn, label);
  };
}
`,
      "javascript",
    );
    expect(kindsOf(found, "linearDelay")).not.toContain("decorator");
    expect(kindsOf(found, "traced")).toContain("decorator");
  });

  it("does not read a chained call as calling an entry of a table of classes; calling the looked-up entry is a factory", async () => {
    const found = await detect(
      `const ERRORS = { unique: UniqueConstraintError, foreign: ForeignKeyConstraintError };
function run(sql) {
  const generator = this.sequelize.getQueryInterface().queryGenerator.setSearchPath(sql);
  const table = { unique: UniqueConstraintError, foreign: ForeignKeyConstraintError };
  return this.connection.query(generator, table.unique.name);
}
function errorFor(code, message) {
  const table = { unique: UniqueConstraintError, foreign: ForeignKeyConstraintError };
  return new table[code](message);
}
`,
      "javascript",
    );
    expect(kindsOf(found, "run")).not.toContain("factory");
    expect(kindsOf(found, "errorFor")).toContain("factory");
  });
});
