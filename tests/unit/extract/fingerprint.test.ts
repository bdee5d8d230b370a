import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { fingerprintUnit, fnv1a64, fnv1a64Joined } from "@/lib/extract/fingerprint";
import type { Language } from "@/lib/domain";
import { createParser, type TreeSitterNode as SyntaxNode } from "@/lib/extract/syntax-tree";

const pythonRepo = "tests/fixtures/repos/python-service";
const scriptRepo = "tests/fixtures/repos/ts-service";

async function parse(source: string, language: Language): Promise<SyntaxNode> {
  const parser = await createParser(language);
  return parser.parse(source)!.rootNode;
}

/** The first function/class node named `name` in the source. */
async function unitNode(source: string, language: Language, name: string): Promise<SyntaxNode> {
  const root = await parse(source, language);
  const types = ["function_definition", "class_definition", "function_declaration", "class_declaration", "method_definition"];
  const found = root.descendantsOfType(types).find((node) => node?.childForFieldName("name")?.text === name);
  if (!found) throw new Error(`no unit ${name}`);
  return found;
}

async function fixtureFingerprint(path: string, name: string, language: Language): Promise<string> {
  return fingerprintUnit(await unitNode(await readFile(path, "utf8"), language, name), language);
}

describe("fnv1a64", () => {
  it("matches the published FNV-1a 64 test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("hashes a code unit above 0xff as two bytes, high byte first", () => {
    // "\u0161" is the bytes 0x01 0x61; FNV-1a of "\u0001a" is the same sequence.
    expect(fnv1a64("\u0161")).toBe(fnv1a64("\u0001a"));
    expect(fnv1a64("\u0161")).not.toBe(fnv1a64("a"));
  });
});

describe("fnv1a64Joined", () => {
  it("equals fnv1a64 of the prefix and the parts joined with spaces", () => {
    const cases: Array<[string, string[]]> = [
      ["", []],
      ["python\u0000", ["def"]],
      ["ecmascript\u0000", ["function_declaration", "$0", "formal_parameters", ")", "<str>"]],
      ["p", ["é", "中文", "😀", "", "x"]],
    ];
    for (const [prefix, parts] of cases) expect(fnv1a64Joined(prefix, parts)).toBe(fnv1a64(prefix + parts.join(" ")));
    expect(fnv1a64Joined("p", ["a", "b"])).not.toBe(fnv1a64Joined("p", ["ab"]));
  });
});

describe("fingerprintUnit", () => {
  it("gives the three renamed retry-loop copies one fingerprint", async () => {
    const prints = await Promise.all([
      fixtureFingerprint(`${pythonRepo}/shop/clients/inventory.py`, "fetch_stock", "python"),
      fixtureFingerprint(`${pythonRepo}/shop/clients/payments.py`, "charge_card", "python"),
      fixtureFingerprint(`${pythonRepo}/shop/clients/shipping.py`, "book_shipment", "python"),
    ]);
    expect(prints[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(prints).size).toBe(1);
  });

  it("gives a different control flow a different fingerprint", async () => {
    const retry = await fixtureFingerprint(`${pythonRepo}/shop/clients/shipping.py`, "book_shipment", "python");
    const poll = await fixtureFingerprint(`${pythonRepo}/shop/clients/shipping.py`, "track_shipment", "python");
    expect(poll).not.toBe(retry);
    const loop = "def f(items):\n    for item in items:\n        use(item)\n";
    const whileLoop = "def f(items):\n    while items:\n        use(items)\n";
    const [a, b] = await Promise.all([unitNode(loop, "python", "f"), unitNode(whileLoop, "python", "f")]);
    expect(fingerprintUnit(a, "python")).not.toBe(fingerprintUnit(b, "python"));
  });

  it("ignores docstrings, comments and literal values but not operators", async () => {
    const plain = "def scale(value, factor=2):\n    return value * factor + 1\n";
    const documented = 'def scale(value, factor=3):\n    """Scale it."""\n    # the one formula\n    return value * factor + 7\n';
    const otherOperator = "def scale(value, factor=2):\n    return value - factor + 1\n";
    const prints = await Promise.all(
      [plain, documented, otherOperator].map(async (code) => fingerprintUnit(await unitNode(code, "python", "scale"), "python")),
    );
    expect(prints[1]).toBe(prints[0]);
    expect(prints[2]).not.toBe(prints[0]);
  });

  it("numbers names by first occurrence, so swapping two names' roles changes the shape", async () => {
    const original = "def f(a, b):\n    return a + a * b\n";
    const consistentRename = "def g(x, y):\n    return x + x * y\n";
    const swappedRoles = "def f(a, b):\n    return a + b * b\n";
    const prints = await Promise.all(
      [original, consistentRename, swappedRoles].map(async (code, index) => fingerprintUnit(await unitNode(code, "python", index === 1 ? "g" : "f"), "python")),
    );
    expect(prints[1]).toBe(prints[0]);
    expect(prints[2]).not.toBe(prints[0]);
  });

  it("matches renamed TypeScript copies and separates a variant without backoff", async () => {
    const json = await fixtureFingerprint(`${scriptRepo}/src/http/fetch-json.ts`, "fetchJson", "typescript");
    const profile = await fixtureFingerprint(`${scriptRepo}/src/users/user-client.ts`, "loadProfile", "typescript");
    const text = await fixtureFingerprint(`${scriptRepo}/src/http/fetch-text.ts`, "fetchText", "typescript");
    expect(profile).toBe(json);
    expect(text).not.toBe(json);
  });

  it("keeps Python and TypeScript apart even for trivially similar code", async () => {
    const python = await unitNode("def f(a):\n    return a\n", "python", "f");
    const script = await unitNode("function f(a) {\n  return a;\n}\n", "javascript", "f");
    expect(fingerprintUnit(python, "python")).not.toBe(fingerprintUnit(script, "javascript"));
  });
});
