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
