import type { SyntaxNode } from "@/lib/extract/syntax-tree";

// Statements whose blocks still run at module level (`try: import x`, `if TYPE_CHECKING:`).
const moduleLevelCompound = new Set([
  "if_statement",
  "elif_clause",
  "else_clause",
  "try_statement",
  "except_clause",
  "finally_clause",
  "with_statement",
  "block",
]);

/**
 * Module-level imports of a Python file: local name → `module` or `module.name`
 * (`import numpy as np` → np: numpy; `from a.b import c as d` → d: a.b.c; `from . import x` → x: .x).
 * Imports inside functions and classes are local to them and left out.
 */
export function collectPythonImports(root: SyntaxNode): Record<string, string> {
  const imports: Record<string, string> = {};
  const pending: SyntaxNode[] = [root];
  while (pending.length > 0) {
    for (const child of pending.pop()!.namedChildren) {
      if (child.type === "import_statement") addImport(child, imports);
      else if (child.type === "import_from_statement") addFromImport(child, imports);
      else if (moduleLevelCompound.has(child.type)) pending.push(child);
    }
  }
  return imports;
}

function addImport(statement: SyntaxNode, imports: Record<string, string>): void {
  for (const name of statement.childrenForFieldName("name")) {
    if (name.type === "aliased_import") {
      const alias = name.childForFieldName("alias");
      const module = name.childForFieldName("name");
      if (alias && module) imports[alias.text] = module.text;
    } else {
      // `import os.path` binds `os`: the body can only reach the package through that name.
      const first = name.text.split(".")[0];
      imports[first] ??= first;
    }
  }
}

function addFromImport(statement: SyntaxNode, imports: Record<string, string>): void {
  const moduleNode = statement.childForFieldName("module_name");
  if (!moduleNode) return;
  const module = moduleNode.text.replace(/\s+/g, "");
  const prefix = module.endsWith(".") ? module : `${module}.`;
  for (const name of statement.childrenForFieldName("name")) {
    if (name.type === "aliased_import") {
      const alias = name.childForFieldName("alias");
      const original = name.childForFieldName("name");
      if (alias && original) imports[alias.text] = prefix + original.text;
    } else {
      imports[name.text] = prefix + name.text;
    }
  }
}
