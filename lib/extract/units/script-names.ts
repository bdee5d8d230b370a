import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { UnitKind } from "@/lib/domain";
import type { UnitDraft } from "./unit-draft";

/** How a JS/TS function or class is bound to a name, when it is. */
export interface ScriptBinding {
  name: string;
  qualname: string;
  kind: UnitKind;
  /** The node the unit starts at: its name, `function`/`class` keyword or member head. */
  head: SyntaxNode;
}

// Wrappers whose first argument is the component or callback the variable really names.
const namingWrappers = new Set(["memo", "forwardRef", "useCallback", "React.memo", "React.forwardRef", "React.useCallback"]);
const transparent = new Set(["parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression"]);

function join(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/** A property key as written: `foo`, `#foo`, `"foo"` → foo, `[Symbol.iterator]` kept as is. */
export function memberName(key: SyntaxNode): string {
  if (key.type === "string") return key.text.slice(1, -1);
  if (key.type === "computed_property_name") {
    const inner = key.namedChildren[0];
    return inner?.type === "string" ? inner.text.slice(1, -1) : key.text;
  }
  return key.text;
}

/** The first child that is not a decorator: where a member or class really starts. */
export function headAfterDecorators(node: SyntaxNode): SyntaxNode {
  return node.children.find((child) => child.type !== "decorator" && child.type !== "comment") ?? node;
}

function nearestClass(unit: UnitDraft | null): UnitDraft | null {
  while (unit && unit.kind !== "class") unit = unit.parent;
  return unit;
}

/**
 * `module.exports.x` → x, `Foo.prototype.bar` → Foo.bar, `this.handler` → Class.handler,
 * `(ctx as Ctx).addIssue` → addIssue (under the enclosing unit), `module.exports` itself →
 * module.exports. Null when the target has no name (`a[b] = ...`).
 */
function assignedPath(left: SyntaxNode, enclosing: UnitDraft | null): string | null {
  const parts: string[] = [];
  let current: SyntaxNode | null = left;
  while (current && current.type === "member_expression") {
    const property = current.childForFieldName("property");
    if (!property) return null;
    parts.unshift(property.text);
    current = current.childForFieldName("object");
  }
  if (current && (current.type === "identifier" || current.type === "this")) parts.unshift(current.text);
  else if (parts.length > 0 && enclosing) parts.unshift(enclosing.qualname);
  const path = parts.filter((part) => part !== "prototype");
  if (path[0] === "module" && path[1] === "exports") path.splice(0, path.length > 2 ? 2 : 0);
  else if (path[0] === "exports" && path.length > 1) path.splice(0, 1);
  if (path[0] === "this") {
    path.shift();
    const owner = nearestClass(enclosing);
    if (owner) path.unshift(owner.qualname);
  }
  return path.length > 0 ? path.join(".") : null;
}

function skipTransparent(node: SyntaxNode): SyntaxNode {
  let parent = node.parent;
  while (parent && transparent.has(parent.type)) parent = parent.parent;
  return parent ?? node;
}

/** The name an object literal is bound to, used as the prefix of its methods (`config.handlers`). */
function objectOwner(object: SyntaxNode, enclosing: UnitDraft | null): string | undefined {
  const parent = skipTransparent(object);
  switch (parent.type) {
    case "variable_declarator": {
      const name = parent.childForFieldName("name");
      return name?.type === "identifier" ? join(enclosing?.qualname, name.text) : enclosing?.qualname;
    }
    case "assignment_expression":
    case "augmented_assignment_expression": {
      const left = parent.childForFieldName("left");
      const path = left ? assignedPath(left, enclosing) : null;
      return path === "module.exports" ? undefined : (path ?? enclosing?.qualname);
    }
    case "pair": {
      const key = parent.childForFieldName("key");
      const owner = parent.parent ? objectOwner(parent.parent, enclosing) : undefined;
      return key ? join(owner, memberName(key)) : owner;
    }
    case "export_statement":
      return "default";
    default:
      return enclosing?.qualname;
  }
}

/** Name, qualname and kind of a JS/TS function-like node, or null when it is anonymous. */
export function bindFunction(node: SyntaxNode, enclosing: UnitDraft | null): ScriptBinding | null {
  if (node.type === "method_definition") {
    const key = node.childForFieldName("name");
    const container = node.parent;
    if (!key || !container) return null;
    const prefix = container.type === "object" ? objectOwner(container, enclosing) : enclosing?.qualname;
    const name = memberName(key);
    return { name, qualname: join(prefix, name), kind: "method", head: headAfterDecorators(node) };
  }
  const ownName = node.childForFieldName("name");
  if (node.type === "function_declaration" || node.type === "generator_function_declaration") {
    if (!ownName) return null;
    return { name: ownName.text, qualname: join(enclosing?.qualname, ownName.text), kind: "function", head: node };
  }
  return bindExpression(node, enclosing) ?? (ownName ? { name: ownName.text, qualname: join(enclosing?.qualname, ownName.text), kind: "function", head: node } : null);
}

// Function and class expressions take the name of what they are assigned to.
function bindExpression(node: SyntaxNode, enclosing: UnitDraft | null): ScriptBinding | null {
  const parent = skipTransparent(node);
  const memberKind: UnitKind = node.type.includes("class") ? "class" : "method";
  const plainKind: UnitKind = node.type.includes("class") ? "class" : "function";
  switch (parent.type) {
    case "variable_declarator": {
      const name = parent.childForFieldName("name");
      if (name?.type !== "identifier") return null;
      return { name: name.text, qualname: join(enclosing?.qualname, name.text), kind: plainKind, head: name };
    }
    case "assignment_expression":
    case "augmented_assignment_expression": {
      const left = parent.childForFieldName("left");
      const path = left ? assignedPath(left, enclosing) : null;
      if (!left || !path) return null;
      if (path === "module.exports") {
        // The module's export is a plain function; its own name, when it has one, says more.
        const own = node.childForFieldName("name")?.text;
        return { name: own ?? "exports", qualname: own ?? path, kind: plainKind, head: left };
      }
      const name = path.slice(path.lastIndexOf(".") + 1);
      const qualname = left.type === "identifier" ? join(enclosing?.qualname, name) : path;
      return { name, qualname, kind: left.type === "identifier" ? plainKind : memberKind, head: left };
    }
    case "pair": {
      const key = parent.childForFieldName("key");
      if (!key || !parent.parent) return null;
      const name = memberName(key);
      return { name, qualname: join(objectOwner(parent.parent, enclosing), name), kind: memberKind, head: key };
    }
    case "field_definition":
    case "public_field_definition": {
      const key = parent.childForFieldName("property") ?? parent.childForFieldName("name");
      if (!key) return null;
      const name = memberName(key);
      return { name, qualname: join(enclosing?.qualname, name), kind: memberKind, head: headAfterDecorators(parent) };
    }
    case "export_statement":
      return { name: "default", qualname: join(enclosing?.qualname, "default"), kind: plainKind, head: node };
    case "arguments":
      return bindWrapped(node, parent, enclosing, plainKind);
    default:
      return null;
  }
}

// `const Button = memo(function Button() {...})`, `const onSave = useCallback(async () => {...}, [])`.
function bindWrapped(node: SyntaxNode, args: SyntaxNode, enclosing: UnitDraft | null, kind: UnitKind): ScriptBinding | null {
  const call = args.parent;
  if (!call || call.type !== "call_expression" || args.namedChildren[0]?.id !== node.id) return null;
  if (!namingWrappers.has(call.childForFieldName("function")?.text ?? "")) return null;
  const declarator = call.parent;
  const name = declarator?.type === "variable_declarator" ? declarator.childForFieldName("name") : null;
  if (!name || name.type !== "identifier") return null;
  return { name: name.text, qualname: join(enclosing?.qualname, name.text), kind, head: name };
}

/** Name and qualname of a class declaration or class expression, or null when anonymous. */
export function bindClass(node: SyntaxNode, enclosing: UnitDraft | null): ScriptBinding | null {
  const ownName = node.childForFieldName("name");
  if (node.type !== "class") {
    if (!ownName) return null;
    return { name: ownName.text, qualname: join(enclosing?.qualname, ownName.text), kind: "class", head: headAfterDecorators(node) };
  }
  const bound = bindExpression(node, enclosing);
  if (bound) return { ...bound, kind: "class", head: bound.head.id === node.id ? headAfterDecorators(node) : bound.head };
  return ownName ? { name: ownName.text, qualname: join(enclosing?.qualname, ownName.text), kind: "class", head: headAfterDecorators(node) } : null;
}
