import type { SyntaxNode } from "@/lib/extract/syntax-tree";

/**
 * Module-level imports of a JS/TS file: local name → `module` or `module.name`.
 * `import x from "y"` and `import * as x from "y"` → x: y; `import { a as b } from "y"` → b: y.a;
 * `const x = require("y")` → x: y; `const { a } = require("y")` → a: y.a; `import x = require("y")` → x: y.
 */
export function collectScriptImports(root: SyntaxNode): Record<string, string> {
  const imports: Record<string, string> = {};
  for (const statement of root.namedChildren) {
    if (statement.type === "import_statement") addImportStatement(statement, imports);
    else if (statement.type === "lexical_declaration" || statement.type === "variable_declaration") {
      for (const declarator of statement.namedChildren) {
        if (declarator.type === "variable_declarator") addRequire(declarator, imports);
      }
    }
  }
  return imports;
}

function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== "string") return undefined;
  return node.text.slice(1, -1);
}

function addImportStatement(statement: SyntaxNode, imports: Record<string, string>): void {
  const source = stringValue(statement.childForFieldName("source"));
  for (const clause of statement.namedChildren) {
    if (clause.type === "import_require_clause") {
      const name = clause.namedChildren.find((child) => child.type === "identifier");
      const module = stringValue(clause.childForFieldName("source"));
      if (name && module !== undefined) imports[name.text] = module;
    }
    if (clause.type !== "import_clause" || source === undefined) continue;
    for (const part of clause.namedChildren) {
      if (part.type === "identifier") imports[part.text] = source;
      else if (part.type === "namespace_import") {
        const name = part.namedChildren.find((child) => child.type === "identifier");
        if (name) imports[name.text] = source;
      } else if (part.type === "named_imports") addNamedImports(part, source, imports);
    }
  }
}

function addNamedImports(named: SyntaxNode, source: string, imports: Record<string, string>): void {
  for (const specifier of named.namedChildren) {
    if (specifier.type !== "import_specifier") continue;
    const name = specifier.childForFieldName("name");
    const alias = specifier.childForFieldName("alias") ?? name;
    if (name && alias) imports[alias.text] = `${source}.${name.text.replace(/^["']|["']$/g, "")}`;
  }
}

// `require("y")`, `require("y").z`: the module (and member) a declarator binds.
function requiredModule(value: SyntaxNode | null): string | undefined {
  if (!value) return undefined;
  if (value.type === "member_expression") {
    const object = requiredModule(value.childForFieldName("object"));
    const property = value.childForFieldName("property");
    return object !== undefined && property ? `${object}.${property.text}` : undefined;
  }
  if (value.type !== "call_expression" || value.childForFieldName("function")?.text !== "require") return undefined;
  return stringValue(value.childForFieldName("arguments")?.namedChildren[0]);
}

function addRequire(declarator: SyntaxNode, imports: Record<string, string>): void {
  const module = requiredModule(declarator.childForFieldName("value"));
  const target = declarator.childForFieldName("name");
  if (module === undefined || !target) return;
  if (target.type === "identifier") {
    imports[target.text] = module;
    return;
  }
  if (target.type !== "object_pattern") return;
  for (const property of target.namedChildren) {
    if (property.type === "shorthand_property_identifier_pattern") imports[property.text] = `${module}.${property.text}`;
    else if (property.type === "pair_pattern") {
      const key = property.childForFieldName("key");
      const value = property.childForFieldName("value");
      if (key && value?.type === "identifier") imports[value.text] = `${module}.${key.text}`;
    }
  }
}
