import { describe, expect, it } from "vitest";
import { detect, evidenceOf, kindsOf } from "./detect-snippet";

// Session 9, part b: each rule pairs a shape it must find with a look-alike it must leave alone.

describe("factory: instance methods that build the next node around this object", () => {
  it("keeps factory methods and functions, leaves expression and query steps alone", async () => {
    const found = await detect(
      `class Column:
    def asc(self):
        return Ordering(self, "ASC")

    def contains(self, value):
        return Expression(self, "LIKE", value)

    def create_index(self, name):
        return Index(name, self)


class Pool:
    def connection(self):
        return Connection(timeout=30)


def make_pool(size):
    return Pool(size)
`,
      "python",
    );
    expect(kindsOf(found, "Column.asc")).not.toContain("factory");
    expect(kindsOf(found, "Column.contains")).not.toContain("factory");
    expect(kindsOf(found, "Column.create_index")).toContain("factory");
    expect(kindsOf(found, "Pool.connection")).toContain("factory");
    expect(kindsOf(found, "make_pool")).toContain("factory");
  });

  it("does not read a callback given this as a class given in (JavaScript)", async () => {
    const found = await detect(
      `export class Builder {
  $call(func) { return func(this); }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "Builder.$call")).not.toContain("factory");
  });
});

describe("strategy: flat families, not type hierarchies", () => {
  it("finds a flat family and leaves deep hierarchies, rich bases and exception families alone", async () => {
    const found = await detect(
      `from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def read(self): ...

    @abstractmethod
    def write(self, data): ...


class JSONStorage(Storage):
    def read(self): return load(self.path)
    def write(self, data): dump(data, self.path)


class MemoryStorage(Storage):
    def read(self): return self.memory
    def write(self, data): self.memory = data


class Node:
    def sql(self): raise NotImplementedError


class Field(Node):
    def adapt(self, value): return value
    def bind(self, model): self.model = model
    def db_value(self, value): return value
    def python_value(self, value): return value
    def clone(self): return self
    def asc(self): return self
    def desc(self): return self
    def alias(self, name): return self
    def cast(self, kind): return self


class StringField(Field):
    def adapt(self, value): return str(value)


class CharField(StringField):
    def adapt(self, value): return value[:255]


class TextField(StringField):
    def adapt(self, value): return value


class BlobField(Field):
    def adapt(self, value): return bytes(value)


class DecimalException(ArithmeticError):
    def handle(self, context): pass


class DivisionByZero(DecimalException):
    def handle(self, context): return 0


class Overflow(DecimalException):
    def handle(self, context): return 1


class Underflow(DecimalException):
    def handle(self, context): return 2
`,
      "python",
    );
    expect(kindsOf(found, "Storage")).toContain("strategy");
    expect(kindsOf(found, "JSONStorage")).toContain("strategy");
    expect(kindsOf(found, "Field")).not.toContain("strategy");
    expect(kindsOf(found, "CharField")).not.toContain("strategy");
    expect(kindsOf(found, "BlobField")).not.toContain("strategy");
    expect(kindsOf(found, "DecimalException")).not.toContain("strategy");
    expect(kindsOf(found, "Overflow")).not.toContain("strategy");
  });

  it("does not take an abstract constructor for an operation to supply", async () => {
    const found = await detect(
      `from abc import ABCMeta, abstractmethod


class BasePool(metaclass=ABCMeta):
    @abstractmethod
    def __init__(self, pool):
        self._pool = pool


class ThreadPool(BasePool):
    def __init__(self, size):
        super().__init__(make_threads(size))


class ProcessPool(BasePool):
    def __init__(self, size):
        super().__init__(make_processes(size))
`,
      "python",
    );
    expect(kindsOf(found, "BasePool")).not.toContain("strategy");
    expect(kindsOf(found, "ThreadPool")).not.toContain("strategy");
  });
});

describe("validation: many small checks", () => {
  it("finds named checks that reject or answer yes or no, and validator bases; leaves look-alikes alone", async () => {
    const found = await detect(
      `import subprocess


class Validator:
    def _validate_allowed(self, allowed, field, value):
        unallowed = set(value) - set(allowed)
        if unallowed:
            self._error(field, "unallowed values", list(unallowed))

    def check_output(self, command):
        result = subprocess.run(command)
        return result.stdout

    def is_running(self):
        return self._state == "running"


def valid_contextj(label, position):
    if position == 0:
        return False
    ok = label[position - 1] in JOINERS
    if not ok:
        return False
    return True


class Rule:
    error = None

    def __call__(self, value):
        raise NotImplementedError


class Equal(Rule):
    def __call__(self, value):
        if value != self.expected:
            raise ValidationError("not equal")
        return value


class OneOf(Rule):
    def __call__(self, value):
        if value not in self.choices:
            raise ValidationError("not one of the choices")
        return value


class Transform:
    def __call__(self, value):
        return value.strip()
`,
      "python",
    );
    expect(kindsOf(found, "Validator._validate_allowed")).toContain("validation");
    expect(kindsOf(found, "valid_contextj")).toContain("validation");
    expect(kindsOf(found, "Rule")).toContain("validation");
    expect(evidenceOf(found, "Rule")).toContain("the base of validator classes (Equal, OneOf)");
    expect(kindsOf(found, "Validator.check_output")).not.toContain("validation");
    expect(kindsOf(found, "Validator.is_running")).not.toContain("validation");
    expect(kindsOf(found, "Transform")).not.toContain("validation");
  });

  it("reads the real __call__ after typing overload stubs", async () => {
    const found = await detect(
      `import typing


class Regexp:
    @typing.overload
    def __call__(self, value: str) -> str: ...

    @typing.overload
    def __call__(self, value: bytes) -> bytes: ...

    def __call__(self, value):
        if self.regex.match(value) is None:
            raise ValidationError(self.error)
        return value
`,
      "python",
    );
    expect(kindsOf(found, "Regexp")).toContain("validation");
  });
});

describe("adapter: classes that implement an interface through a library", () => {
  it("finds a transport over a library pool, an error-translating cursor wrapper and an annotated connection", async () => {
    const found = await detect(
      `import sqlite3

import httpcore
import MySQLdb as Database

from .base import BaseTransport


class HTTPTransport(BaseTransport):
    def __init__(self, limits):
        self._pool = httpcore.ConnectionPool(max_connections=limits)

    def handle_request(self, request):
        return self._pool.handle_request(to_core(request))

    def close(self):
        self._pool.close()


class CursorWrapper:
    def __init__(self, cursor):
        self.cursor = cursor

    def execute(self, query, args=None):
        try:
            return self.cursor.execute(query, args)
        except Database.OperationalError as e:
            raise IntegrityError(*e.args)

    def executemany(self, query, args):
        try:
            return self.cursor.executemany(query, args)
        except Database.OperationalError as e:
            raise IntegrityError(*e.args)


class Connection:
    def __init__(self, connector):
        self._connection: sqlite3.Connection = None
        self._connector = connector

    @property
    def _conn(self):
        return self._connection

    async def commit(self):
        await self._run(self._conn.commit)

    async def rollback(self):
        await self._run(self._conn.rollback)
`,
      "python",
    );
    expect(kindsOf(found, "HTTPTransport")).toContain("adapter");
    expect(kindsOf(found, "CursorWrapper")).toContain("adapter");
    expect(evidenceOf(found, "CursorWrapper")).toContain("raise their own errors");
    expect(kindsOf(found, "Connection")).toContain("adapter");
  });

  it("leaves a class that only re-raises, or holds a lock, alone", async () => {
    const found = await detect(
      `import threading

from .base import Base


class Logged:
    def __init__(self, cursor):
        self.cursor = cursor

    def execute(self, query):
        try:
            return self.cursor.execute(query)
        except Exception:
            log("failed")
            raise

    def fetch(self):
        try:
            return self.cursor.fetch()
        except Exception:
            raise


class Guarded(Base):
    def __init__(self):
        self._lock = threading.Lock()

    def acquire(self):
        self._lock.acquire()

    def release(self):
        self._lock.release()
`,
      "python",
    );
    expect(kindsOf(found, "Logged")).not.toContain("adapter");
    expect(kindsOf(found, "Guarded")).not.toContain("adapter");
  });

  it("finds a driver whose methods turn callbacks into promises, and a promise kept in a local", async () => {
    const found = await detect(
      `export class PostgresDriver extends Driver {
  connect() {
    return new Promise((resolve, reject) => {
      this.pool.connect((err, client) => (err ? reject(err) : resolve(client)));
    });
  }
  disconnect() {
    return new Promise((resolve, reject) => {
      this.pool.end((err) => (err ? reject(err) : resolve()));
    });
  }
}

export function query(client, text, callback) {
  let result;
  const command = new Command(text);
  if (typeof callback !== "function") {
    result = new Promise((resolve, reject) => {
      command.callback = (err, rows) => (err ? reject(err) : resolve(rows));
    });
  }
  client.submit(command);
  return result;
}

export class Waiter extends Base {
  wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
  later(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms * 2));
  }
}
`,
      "javascript",
    );
    expect(kindsOf(found, "PostgresDriver")).toContain("adapter");
    expect(kindsOf(found, "query")).toContain("adapter");
    expect(kindsOf(found, "Waiter")).not.toContain("adapter");
    expect(kindsOf(found, "Waiter.wait")).not.toContain("adapter");
  });
});

describe("decorator: Python look-alikes", () => {
  it("leaves operator methods, three-argument methods and generated methods alone", async () => {
    const found = await detect(
      `def _e(op):
    def inner(self, rhs):
        return Expression(self, op, rhs)
    return inner


class Decimal:
    def __pow__(self, other, modulo=None):
        self._power(other, modulo)
        return other


class Field:
    def __init__(self, model, args, kwargs):
        kwargs.value = args


def timed(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper
`,
      "python",
    );
    expect(kindsOf(found, "_e")).not.toContain("decorator");
    expect(kindsOf(found, "Decimal.__pow__")).not.toContain("decorator");
    expect(kindsOf(found, "Field.__init__")).not.toContain("decorator");
    expect(kindsOf(found, "timed")).toContain("decorator");
  });
});

describe("singleton: a static holder assigned only when unset", () => {
  it("finds `Shared.#shared ??= new Shared()` and leaves a per-object lazy field alone", async () => {
    const found = await detect(
      `export class Shared {
  static #shared: Shared | undefined;
  static get shared(): Shared {
    return (Shared.#shared ??= new Shared());
  }
}
export class Session {
  #rows: Rows | undefined;
  rows(): Rows {
    return (this.#rows ??= new Rows());
  }
}
`,
      "typescript",
    );
    expect(kindsOf(found, "Shared.shared")).toContain("singleton");
    expect(kindsOf(found, "Session.rows")).not.toContain("singleton");
  });
});
