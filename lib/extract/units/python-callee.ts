import type { SyntaxNode } from "@/lib/extract/syntax-tree";

const literalTypes: Record<string, string> = {
  string: "str",
  concatenated_string: "str",
  list: "list",
  dictionary: "dict",
  set: "set",
  tuple: "tuple",
};

/**
 * A call's callee as a dotted name: `time.sleep`, `self.repo.save`, `super().__init__`,
 * `handlers[].send`. Literal receivers become their type (`"".join` → `str.join`); any other
 * expression leaves only the member name (`.method`). Undefined when nothing is nameable.
 */
export function renderPythonCallee(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case "identifier":
      return node.text;
    case "attribute": {
      const children = node.children;
      const member = children[children.length - 1].text;
      const object = renderPythonCallee(children[0]);
      return object === undefined ? `.${member}` : `${object}.${member}`;
    }
    case "call": {
      const callee = node.childForFieldName("function");
      const inner = callee ? renderPythonCallee(callee) : undefined;
      return inner === undefined ? undefined : `${inner}()`;
    }
    case "subscript": {
      const value = node.childForFieldName("value");
      const inner = value ? renderPythonCallee(value) : undefined;
      return inner === undefined ? undefined : `${inner}[]`;
    }
    case "parenthesized_expression":
      return node.namedChildCount === 1 ? renderPythonCallee(node.namedChildren[0]) : undefined;
    default:
      return literalTypes[node.type];
  }
}
