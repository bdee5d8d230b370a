import type { SyntaxNode } from "@/lib/extract/syntax-tree";

/**
 * A JS/TS callee as a dotted name: `this.emit`, `fs.promises.readFile`, `fetch().then`,
 * `handlers[].call`. Optional chaining is read as plain access; any other receiver leaves only
 * the member name (`.map`). Undefined when nothing is nameable.
 */
export function renderScriptCallee(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case "identifier":
    case "this":
    case "super":
    case "property_identifier":
    case "private_property_identifier":
      return node.text;
    case "member_expression": {
      const property = node.childForFieldName("property");
      const object = node.childForFieldName("object");
      if (!property) return undefined;
      const receiver = object ? renderScriptCallee(object) : undefined;
      return receiver === undefined ? `.${property.text}` : `${receiver}.${property.text}`;
    }
    case "call_expression": {
      const callee = node.childForFieldName("function");
      const inner = callee ? renderScriptCallee(callee) : undefined;
      return inner === undefined ? undefined : `${inner}()`;
    }
    case "subscript_expression": {
      const object = node.childForFieldName("object");
      const inner = object ? renderScriptCallee(object) : undefined;
      return inner === undefined ? undefined : `${inner}[]`;
    }
    case "parenthesized_expression":
    case "non_null_expression":
    case "await_expression":
      return node.namedChildCount === 1 ? renderScriptCallee(node.namedChildren[0]) : undefined;
    default:
      return undefined;
  }
}
