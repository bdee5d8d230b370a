import type { Language, ModuleStatement } from "@/lib/domain";
import type { SyntaxNode } from "@/lib/extract/syntax-tree";

/** A statement's text is cut here: the usage stage reads assignments and calls near its start. */
const maxStatementLength = 4000;
/** A file's module-level text is cut here (generated tables and long scripts). */
const maxModuleLength = 32_000;

// Definitions are units (their decorators are kept on them); imports are kept as `imports`.
const pythonSkipped = new Set(["import_statement", "import_from_statement", "future_import_statement", "function_definition", "class_definition", "decorated_definition", "comment"]);
const scriptSkipped = new Set([
  "import_statement",
  "function_declaration",
  "generator_function_declaration",
  "class_declaration",
  "abstract_class_declaration",
  "interface_declaration",
  "type_alias_declaration",
  "enum_declaration",
  "ambient_declaration",
  "comment",
  "empty_statement",
]);
// Values that make the declared name a unit of its own.
const unitValues = new Set(["arrow_function", "function_expression", "function", "generator_function", "class"]);

function isDocstring(node: SyntaxNode): boolean {
  return node.type === "expression_statement" && node.namedChildCount === 1 && node.firstNamedChild?.type === "string";
}

// `const f = () => {}` declares a unit; `const app = express()` does not.
function declaresOnlyUnits(node: SyntaxNode): boolean {
  const declarators = node.namedChildren.filter((child) => child.type === "variable_declarator");
  return declarators.length > 0 && declarators.every((declarator) => unitValues.has(declarator.childForFieldName("value")?.type ?? ""));
}

function isScriptUnit(node: SyntaxNode): boolean {
  if (scriptSkipped.has(node.type)) return true;
  if (node.type === "lexical_declaration" || node.type === "variable_declaration") return declaresOnlyUnits(node);
  if (node.type !== "export_statement") return false;
  const declaration = node.childForFieldName("declaration");
  if (declaration) return isScriptUnit(declaration);
  const value = node.childForFieldName("value");
  // `export { a }`, `export * from "x"`: nothing runs; `export default new Store()` runs.
  return value ? unitValues.has(value.type) : true;
}

/**
 * The module-level statements of a file that are neither units nor imports, with their first
 * lines: where module-level instances are made (`app = Flask(__name__)`, `export const cache =
 * new LRU()`) and used (`bus.on("e", f)`, `with lock:`, `if __name__ == "__main__": …`). Read by
 * the repository-level usage stage so calls through module-level instances resolve.
 */
export function collectModuleStatements(root: SyntaxNode, language: Language): ModuleStatement[] {
  const statements: ModuleStatement[] = [];
  let total = 0;
  for (const node of root.namedChildren) {
    const skipped = language === "python" ? pythonSkipped.has(node.type) || isDocstring(node) : isScriptUnit(node);
    if (skipped) continue;
    const code = node.text.slice(0, maxStatementLength);
    if (total + code.length > maxModuleLength) break;
    total += code.length;
    statements.push({ line: node.startPosition.row + 1, code });
  }
  return statements;
}
