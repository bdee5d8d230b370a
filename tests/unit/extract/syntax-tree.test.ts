import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { mirrorTree, parseSource, type SyntaxNode } from "@/lib/extract/syntax-tree";
import { createParser, detectLanguage, type TreeSitterNode as LiveNode } from "@/lib/extract/syntax-tree";

const fixtures = [
  "tests/fixtures/python/patterns/services.py",
  "tests/fixtures/python/complexity/radon_rules.py",
  "tests/fixtures/python/units/inventory_service.py",
  "tests/fixtures/typescript/patterns/client.ts",
  "tests/fixtures/typescript/complexity/eslint-rules.ts",
  "tests/fixtures/typescript/units/cart-summary.tsx",
  "tests/fixtures/javascript/patterns/toolkit.js",
  "tests/fixtures/javascript/complexity/status-badge.jsx",
];
// Every field name extraction asks for.
const fields = ["alias", "alternative", "arguments", "body", "condition", "consequence", "constructor", "definition", "finalizer", "function", "key", "left", "module_name", "name", "object", "operator", "parameter", "parameters", "pattern", "property", "return_type", "right", "source", "superclasses", "type", "type_parameters", "value"];
const typeLists = [["call", "call_expression", "new_expression"], ["identifier"], ["yield"], ["return_statement", "if_statement"], ["string", "template_string"], ["ERROR"]];

const describeNode = (node: SyntaxNode | LiveNode | null | undefined) => (node ? `${node.type}@${node.startIndex}-${node.endIndex}` : "null");
const describeAll = (nodes: (SyntaxNode | LiveNode)[]) => nodes.map(describeNode).join(" ");

/** What a node looks like through the API extraction uses, as comparable text. */
function facts(node: SyntaxNode | LiveNode): string[] {
  const lines = [
    `${describeNode(node)} named=${node.isNamed} rows=${node.startPosition.row}-${node.endPosition.row} text=${node.text.slice(0, 80)}`,
    `parent=${describeNode(node.parent)} previous=${describeNode(node.previousSibling)} previousNamed=${describeNode(node.previousNamedSibling)}`,
    `children=${describeAll(node.children)} named=${describeAll(node.namedChildren)} count=${node.namedChildCount} first=${describeNode(node.firstNamedChild)}`,
  ];
  // Fields as the cursor reports them (childForFieldName can also see fields through a
  // visible alias, e.g. `alternative` on a Python match statement; extraction never asks those).
  for (const field of fields) lines.push(`${field}: ${describeAll(node.childrenForFieldName(field))}`);
  if (node.children.length > 0) {
    for (const types of typeLists) lines.push(`${types}: ${describeAll(node.descendantsOfType(types))}`);
  }
  return lines;
}

function walk<T extends SyntaxNode | LiveNode>(root: T): T[] {
  const nodes: T[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    nodes.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index] as T);
  }
  return nodes;
}

describe("mirrorTree", () => {
  it.each(fixtures)("reads %s exactly as the live tree does, through the module and the public cursor", async (path) => {
    const source = await readFile(path, "utf8");
    const parser = await createParser(detectLanguage(path)!);
    const { tree, module } = parseSource(parser, source);
    expect(module).toBeDefined();
    const live = walk(tree!.rootNode).flatMap(facts);
    const direct = walk<SyntaxNode>(mirrorTree(tree!, source, module)).flatMap(facts);
    const viaPublicCursor = walk<SyntaxNode>(mirrorTree(tree!, source)).flatMap(facts);
    tree!.delete();
    expect(direct.length).toBeGreaterThan(1000);
    expect(direct).toEqual(live);
    expect(viaPublicCursor).toEqual(live);
  });

  it("answers childForFieldName with the first child holding the field", async () => {
    const source = "def scale(x, factor=2):\n    return x * factor\n";
    const parser = await createParser("python");
    const root = mirrorTree(parser.parse(source)!, source);
    const definition = root.namedChildren[0]!;
    expect(definition.childForFieldName("name")?.text).toBe("scale");
    expect(definition.childForFieldName("parameters")?.text).toBe("(x, factor=2)");
    expect(definition.childForFieldName("superclasses")).toBeNull();
    expect(definition.descendantsOfType("identifier").map((node) => node.text)).toEqual(["scale", "x", "factor", "x", "factor"]);
    expect(definition.endPosition.row).toBe(1);
  });
});
