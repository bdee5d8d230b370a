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

  it("leaves out a resource class that merely supports with, and a function returning a class it defines itself", async () => {
    const found = await detect(
      `class Connection:
    def cursor(self): return Cursor(self)
    def execute(self, sql): return self.cursor().execute(sql)
    def commit(self): self._send("COMMIT")
    def rollback(self): self._send("ROLLBACK")
    def close(self): self._socket.close()
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.close()

def synchronized(lock):
    class _Locked:
        def __enter__(self): lock.acquire()
        def __exit__(self, *exc): lock.release()
    return _Locked()
`,
      "python",
    );
    expect(kindsOf(found, "Connection")).not.toContain("context_manager");
    expect(kindsOf(found, "Connection.__enter__")).toContain("context_manager");
    expect(kindsOf(found, "synchronized")).not.toContain("context_manager");
  });
});
