import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { classBases, classMethods, lastSegment, nodeTypes, pythonDecorators, type Family } from "./syntax";
import { perTree } from "./per-tree";

/** A class of the file as the strategy detector needs it. */
export interface ClassFacts {
  name: string;
  bases: string[];
  methods: Set<string>;
  abstractMethods: Set<string>;
  isAbstract: boolean;
}

/** Classes and function names of one file, built once per syntax tree. */
export interface FileIndex {
  classes: Map<string, ClassFacts>;
  functions: Set<string>;
}

/** The file-level index for the tree a node belongs to (memoised per tree). */
export const fileIndexOf = perTree(buildIndex);

function buildIndex(root: SyntaxNode, family: Family): FileIndex {
  const classes = new Map<string, ClassFacts>();
  for (const classNode of root.descendantsOfType(nodeTypes[family].class as unknown as string[])) {
    const facts = classFacts(classNode, family);
    if (facts.name) classes.set(facts.name, facts);
  }
  const functions = new Set(
    root.descendantsOfType(nodeTypes[family].namedFunction as unknown as string[]).map((node) => node.childForFieldName("name")?.text ?? ""),
  );
  return { classes, functions };
}

function classFacts(classNode: SyntaxNode, family: Family): ClassFacts {
  const name = classNode.childForFieldName("name")?.text ?? "";
  const bases = classBases(classNode).map((base) => lastSegment(base.replace(/[<(\[].*$/s, "")));
  const methods = classMethods(classNode);
  const abstractMethods = new Set(methods.filter((method) => isAbstractMethod(method.node, method.decorators)).map((method) => method.name));
  if (family === "js") {
    for (const signature of classNode.descendantsOfType("abstract_method_signature")) {
      abstractMethods.add(signature.childForFieldName("name")?.text ?? "");
    }
  }
  const declaredAbstract = classNode.type === "abstract_class_declaration" || bases.some((base) => /^(ABC|Protocol)$/.test(base)) || /metaclass\s*=\s*(abc\.)?ABCMeta/.test(classNode.childForFieldName("superclasses")?.text ?? "");
  return { name, bases, methods: new Set(methods.map((method) => method.name)), abstractMethods, isAbstract: declaredAbstract || abstractMethods.size > 0 };
}

/** `@abstractmethod`, or a body that only raises NotImplementedError / throws "not implemented". */
function isAbstractMethod(node: SyntaxNode, decorators: string[]): boolean {
  if (decorators.some((decorator) => /abstractmethod$/.test(decorator))) return true;
  if (pythonDecorators(node).some((decorator) => /abstractmethod$/.test(decorator))) return true;
  const statements = (node.childForFieldName("body")?.namedChildren ?? []).filter(
    (child) => child.type !== "comment" && !(child.type === "expression_statement" && child.firstNamedChild?.type === "string"),
  );
  if (statements.length !== 1) return false;
  const only = statements[0]!;
  return (only.type === "raise_statement" && /NotImplementedError/.test(only.text)) || (only.type === "throw_statement" && /not\s*implemented|abstract/i.test(only.text));
}

/** The same-file ancestors of a class, nearest first (`CharField` → _StringField, Field, ColumnBase, Node). */
export function ancestorsOf(name: string, index: FileIndex): ClassFacts[] {
  const found: ClassFacts[] = [];
  const seen = new Set([name]);
  const queue = [...(index.classes.get(name)?.bases ?? [])];
  while (queue.length) {
    const base = queue.shift()!;
    const facts = index.classes.get(base);
    if (!facts || seen.has(base)) continue;
    seen.add(base);
    found.push(facts);
    queue.push(...facts.bases);
  }
  return found;
}
