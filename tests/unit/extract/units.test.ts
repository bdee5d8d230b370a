import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/extract/extract-file";
import type { CodeUnit, FileExtraction, Language } from "@/lib/domain";
import { MotifError } from "@/lib/errors";

async function extractFixture(file: string, language: Language): Promise<FileExtraction> {
  return extractFile({ file, source: await readFile(file, "utf8"), language });
}

function unit(extraction: FileExtraction, qualname: string, startLine?: number): CodeUnit {
  const found = extraction.units.find((candidate) => candidate.qualname === qualname && (startLine === undefined || candidate.startLine === startLine));
  if (!found) throw new Error(`no unit ${qualname} in ${extraction.units.map((candidate) => candidate.qualname).join(", ")}`);
  return found;
}

describe("extractFile on Python", () => {
  const file = "tests/fixtures/python/units/inventory_service.py";

  it("names units as radon does: Class.method, outer.inner closures, Outer.Inner.method", async () => {
    const extraction = await extractFixture(file, "python");
    expect(extraction.units.map((found) => `${found.kind} ${found.qualname} ${found.startLine}-${found.endLine}`)).toEqual([
      "function retry_on_conflict 13-28",
      "function retry_on_conflict.decorate 16-26",
      "function retry_on_conflict.decorate.wrapper 18-24",
      "class InventoryService 31-79",
      "method InventoryService.__init__ 37-39",
      "method InventoryService.reserve 44-54",
      "method InventoryService.normalise 58-59",
      "method InventoryService.available 62-63",
      "method InventoryService.refresh 65-67",
      "method InventoryService.pending 69-72",
      "class InventoryService.Snapshot 74-79",
      "method InventoryService.Snapshot.__init__ 75-76",
      "method InventoryService.Snapshot.total 78-79",
    ]);
  });

  it("starts a decorated method at its def line and keeps its decorators", async () => {
    const reserve = unit(await extractFixture(file, "python"), "InventoryService.reserve");
    expect(reserve.startLine).toBe(44);
    expect(reserve.code.startsWith("def reserve(")).toBe(true);
    expect(reserve.decorators).toEqual(["retry_on_conflict(attempts=5,)"]);
    expect(reserve.signature).toBe("def reserve(self, sku: str, qty: int = 1, *, order_id: str | None = None) -> bool");
    expect(reserve.parameters).toEqual([
      { name: "self", hasDefault: false },
      { name: "sku", annotation: "str", hasDefault: false },
      { name: "qty", annotation: "int", hasDefault: true },
      { name: "order_id", annotation: "str | None", hasDefault: true },
    ]);
    expect(reserve.returnAnnotation).toBe("bool");
    expect(reserve.calls).toEqual(["self.repo.find", "Missing", "self.repo.save", "log.info"]);
    expect(reserve.importsUsed).toEqual([".errors.NotFound", "logging"]);
    expect(reserve.parentQualname).toBe("InventoryService");
    expect(reserve.metrics).toEqual({ cyclomatic: 3, cognitive: 2, maxNesting: 1, parameterCount: 3, linesOfCode: 10 });
  });

  it("reads docstrings, bases, async and generator flags", async () => {
    const extraction = await extractFixture(file, "python");
    expect(unit(extraction, "InventoryService").docstring).toBe("Reserves and releases stock.\n\nReservations are idempotent per order id.");
    expect(unit(extraction, "retry_on_conflict").docstring).toBe("Retry the wrapped call when the store reports a write conflict.");
    expect(unit(extraction, "InventoryService.refresh").isAsync).toBe(true);
    expect(unit(extraction, "InventoryService.pending").isGenerator).toBe(true);
    expect(unit(extraction, "InventoryService.reserve").isGenerator).toBe(false);
    expect(unit(extraction, "InventoryService.normalise").decorators).toEqual(["staticmethod", "lru_cache(maxsize=128)"]);
    expect(unit(extraction, "InventoryService.normalise").metrics.parameterCount).toBe(1);
  });

  it("finds calls and imports used inside a closure", async () => {
    const wrapper = unit(await extractFixture(file, "python"), "retry_on_conflict.decorate.wrapper");
    expect(wrapper.calls).toEqual(["range", "func", "time.sleep", "ConflictError"]);
    expect(wrapper.importsUsed).toEqual(["functools.wraps", ".errors.ConflictError", "time"]);
    expect(wrapper.parentQualname).toBe("retry_on_conflict.decorate");
    expect(wrapper.metrics).toEqual({ cyclomatic: 3, cognitive: 3, maxNesting: 2, parameterCount: 2, linesOfCode: 7 });
  });

  it("maps module-level imports to their modules", async () => {
    const extraction = await extractFixture(file, "python");
    expect(extraction.imports).toEqual({
      time: "time",
      log: "logging",
      Iterator: "collections.abc.Iterator",
      lru_cache: "functools.lru_cache",
      wraps: "functools.wraps",
      db_session: "shop.db.session",
      ConflictError: ".errors.ConflictError",
      Missing: ".errors.NotFound",
    });
    expect(extraction.lines).toBe(79);
  });
});

describe("extractFile on TypeScript", () => {
  const file = "tests/fixtures/typescript/units/order-controller.ts";

  it("finds classes, constructors, methods, arrow fields, object-literal methods and nested functions", async () => {
    const extraction = await extractFixture(file, "typescript");
    expect(extraction.units.map((found) => `${found.kind} ${found.qualname} ${found.startLine}-${found.endLine}`)).toEqual([
      "class OrderNotFound 7-7",
      "class OrderService 14-38",
      "method OrderService.constructor 17-17",
      "method OrderService.findById 23-27",
      "method OrderService.placed 29-32",
      "method OrderService.onPlaced 34-37",
      "class OrderController 41-53",
      "method OrderController.constructor 42-42",
      "method OrderController.show 45-47",
      "method OrderController.create 50-52",
      "method formatters.money 56-58",
      "method formatters.nested.short 60-60",
      "function buildSummary 64-70",
      "function buildSummary.line 65-67",
      "function buildSummary.header 68-68",
      "function idSequence 72-75",
    ]);
  });

  it("reads JSDoc, decorators, heritage and signatures", async () => {
    const extraction = await extractFixture(file, "typescript");
    const findById = unit(extraction, "OrderService.findById");
    expect(findById.docstring).toBe("Finds an order or throws.\n@param id the order id");
    expect(findById.signature).toBe("async findById(id: string): Promise<Order>");
    expect(findById.isAsync).toBe(true);
    expect(findById.calls).toEqual(["this.orders.findOneBy", "OrderNotFound"]);
    const service = unit(extraction, "OrderService");
    expect(service.decorators).toEqual(["Injectable()"]);
    expect(service.bases).toEqual(["OrderEvents"]);
    expect(unit(extraction, "OrderNotFound").bases).toEqual(["Error"]);
    const show = unit(extraction, "OrderController.show");
    expect(show.startLine).toBe(45);
    expect(show.decorators).toEqual(['Get(":id")']);
    expect(show.calls).toEqual(["this.service.findById"]);
    expect(show.importsUsed).toEqual(["@nestjs/common.Param", "./order.entity.Order"]);
    expect(unit(extraction, "OrderController").decorators).toEqual(['Controller("orders")']);
  });

  it("describes parameters, defaults, rest parameters and generators", async () => {
    const extraction = await extractFixture(file, "typescript");
    expect(unit(extraction, "buildSummary").parameters).toEqual([
      { name: "orders", annotation: "T[]", hasDefault: false },
      { name: "...extra", annotation: "string[]", hasDefault: false, variadic: true },
    ]);
    expect(unit(extraction, "formatters.money").parameters).toEqual([
      { name: "cents", annotation: "number", hasDefault: false },
      { name: "currency", hasDefault: true },
    ]);
    const sequence = unit(extraction, "idSequence");
    expect(sequence.isGenerator).toBe(true);
    expect(sequence.signature).toBe("*idSequence(start = 0): Generator<number>");
    expect(unit(extraction, "OrderService.constructor").parameters).toEqual([{ name: "orders", annotation: "Repository<Order>", hasDefault: false }]);
  });

  it("finds React components in TSX, arrow components included", async () => {
    const extraction = await extractFixture("tests/fixtures/typescript/units/cart-summary.tsx", "tsx");
    expect(extraction.units.map((found) => `${found.qualname} ${found.startLine}-${found.endLine}`)).toEqual(["CartSummary 7-26", "EmptyCart 28-28"]);
    const summary = unit(extraction, "CartSummary");
    expect(summary.docstring).toBe("The cart total with one row per line.");
    expect(summary.calls).toEqual(["useMemo", "lines.reduce", "lines.map", "total.toFixed"]);
    expect(summary.importsUsed).toEqual(["react.useMemo"]);
  });
});

describe("extractFile on JavaScript", () => {
  it("names prototype methods, object-literal members, this-bound arrows and module.exports", async () => {
    const extraction = await extractFixture("tests/fixtures/javascript/complexity/eslint-rules.js", "javascript");
    expect(extraction.units.map((found) => `${found.kind} ${found.qualname} ${found.startLine}`)).toEqual([
      "function RateLimiter 7",
      "method RateLimiter.hit 13",
      "method RateLimiter.sweep 24",
      "method policies.lenient 38",
      "method policies.names 41",
      "class Throttle 46",
      "method Throttle.constructor 49",
      "method Throttle.onDrain 52",
      "method Throttle.push 55",
      "method Throttle.create 61",
      "function createLimiter 66",
    ]);
    expect(extraction.imports).toEqual({ EventEmitter: "events.EventEmitter", clock: "./clock" });
    expect(unit(extraction, "RateLimiter.hit").importsUsed).toEqual(["./clock"]);
    expect(unit(extraction, "Throttle").bases).toEqual(["EventEmitter"]);
  });

  it("names components wrapped in memo and callbacks bound with useCallback", async () => {
    const extraction = await extractFixture("tests/fixtures/javascript/complexity/status-badge.jsx", "javascript");
    expect(extraction.units.map((found) => `${found.qualname} ${found.startLine}`)).toEqual(["StatusBadge 8", "StatusBadge.toggle 10", "Details 21", "StatusList 25"]);
    expect(unit(extraction, "StatusBadge").docstring).toBe("A status badge for a deployment.\n@param {{ status: string, updatedAt?: Date }} props");
  });
});

describe("extractFile failures", () => {
  it("refuses binary content with a bad_request:input error naming the file", async () => {
    const failure = extractFile({ file: "assets/logo.py", source: "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", language: "python" });
    await expect(failure).rejects.toBeInstanceOf(MotifError);
    await expect(failure).rejects.toMatchObject({ code: "bad_request:input", message: "assets/logo.py: binary content (NUL bytes)" });
  });

  it("refuses a file whose syntax errors cover most of it", async () => {
    const prose = "This is not code at all, just } a { paragraph ) of ( text: with -> stray ; symbols.\n".repeat(20);
    await expect(extractFile({ file: "notes.ts", source: prose, language: "typescript" })).rejects.toMatchObject({
      code: "bad_request:input",
      message: expect.stringMatching(/^notes\.ts: not parseable as typescript \(syntax errors cover \d+% of the file\)$/),
    });
  });

  it("still yields the units around a small syntax error", async () => {
    const source = ["def ok(a):", "    return a", "", "def broken(:", "    pass", "", "def also_ok(b):", "    if b:", "        return 1", "    return 2", ""].join("\n");
    const extraction = await extractFile({ file: "partial.py", source, language: "python" });
    expect(extraction.units.map((found) => found.qualname)).toEqual(expect.arrayContaining(["ok", "also_ok"]));
    expect(unit(extraction, "also_ok").metrics.cyclomatic).toBe(2);
  });
});

describe("extractFile determinism", () => {
  it("returns the same units, metrics and fingerprints for the same input", async () => {
    const source = await readFile("tests/fixtures/typescript/units/order-controller.ts", "utf8");
    const first = await extractFile({ file: "a.ts", source, language: "typescript" });
    const second = await extractFile({ file: "a.ts", source, language: "typescript" });
    expect(second).toEqual(first);
    expect(new Set(first.units.map((found) => found.fingerprint)).size).toBeGreaterThan(5);
  });
});
