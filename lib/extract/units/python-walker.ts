import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { countOperatorRuns } from "../metrics/logical-sequences";
import { radonMatchComplexity } from "../metrics/radon-match-complexity";
import { radonClassComplexity } from "../metrics/radon-class-complexity";
import { renderPythonCallee } from "./python-callee";
import { createUnitDraft, type PathCounter, type UnitDraft } from "./unit-draft";
import type { WalkResult } from "./walk-result";

interface Scope {
  unit: UnitDraft | null;
  path: PathCounter;
  /** False in a def's header (decorators, defaults, annotations): those are not calls of its body. */
  recordsCalls?: boolean;
}

const comprehensions = new Set(["list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
// Cognitive complexity: structures charged +1 plus their nesting level.
const nestedIncrement = new Set(["if_statement", "for_statement", "while_statement", "except_clause", "match_statement", "conditional_expression"]);
// Their `block` children sit one nesting level deeper (a `match` nests through its cases).
const nestingBlocks = new Set(["if_statement", "elif_clause", "else_clause", "for_statement", "while_statement", "except_clause", "case_clause"]);
// Every child of these is nested (the branches of `x if c else y`, a lambda's body).
const nestingAll = new Set(["conditional_expression", "lambda"]);
// Control blocks for max nesting depth.
const depthBlocks = new Set([...nestingBlocks, "try_statement", "finally_clause", "with_statement"]);

const booleanOperator = (node: SyntaxNode) => (node.type === "boolean_operator" ? node.children[1]?.type : undefined);

/**
 * One walk over a Python tree: finds functions, methods and classes (named as radon names
 * them) and counts, per unit, radon's cyclomatic complexity, cognitive complexity, nesting
 * depth, calls and imported names used.
 */
export class PythonWalker {
  readonly units: UnitDraft[] = [];
  readonly comments: number[] = [];

  constructor(private readonly source: string, private readonly imports: Record<string, string>) {}

  /** Walks the module and settles class complexities. */
  walk(root: SyntaxNode): WalkResult {
    this.visitChildren(root, { unit: null, path: { cyclomatic: 1 } }, 0, 0);
    for (const unit of this.units) {
      if (unit.kind !== "class") continue;
      unit.cyclomatic = radonClassComplexity({
        bodyComplexity: unit.cyclomatic,
        methodComplexities: unit.methods.map((method) => method.cyclomatic),
      });
    }
    return { units: this.units, comments: this.comments };
  }

  private visit(node: SyntaxNode, parentType: string, scope: Scope, nesting: number, depth: number): void {
    const type = node.type;
    switch (type) {
      case "function_definition":
        return this.enterDefinition(node, scope, node, []);
      case "class_definition":
        return this.enterDefinition(node, scope, node, []);
      case "decorated_definition":
        return this.enterDecorated(node, scope);
      case "comment":
        this.comments.push(node.startIndex, node.endIndex);
        return;
      case "identifier":
        return this.useName(node, scope);
      case "attribute":
        // Only the object can name an import; `x.os` is not the module `os`.
        return this.visit(node.firstNamedChild!, type, scope, nesting, depth);
      case "call":
        this.recordCall(node, scope);
        break;
      case "assert_statement":
        // radon's visit_Assert adds 1 and never looks inside: `assert a and b` is 1, not 2.
        scope.path.cyclomatic += 1;
        return this.visitChildren(node, { ...scope, path: { cyclomatic: 1 } }, nesting, depth);
      case "yield":
        if (scope.unit && scope.unit.kind !== "class") scope.unit.isGenerator = true;
        break;
    }
    // Named children only: building a node object per punctuation token is the walk's main cost.
    const children = node.namedChildren;
    this.count(node, type, children, parentType, scope, nesting);
    this.visitChildren(node, scope, nesting, depth, children);
  }

  private visitChildren(node: SyntaxNode, scope: Scope, nesting: number, depth: number, children = node.namedChildren): void {
    const type = node.type;
    const nestAll = nestingAll.has(type);
    const nestBlocks = nestingBlocks.has(type);
    const deepen = depthBlocks.has(type);
    for (const child of children) {
      const isBlock = child.type === "block";
      const childDepth = deepen && isBlock ? depth + 1 : depth;
      if (scope.unit && childDepth > scope.unit.maxNesting) scope.unit.maxNesting = childDepth;
      this.visit(child, type, scope, nestAll || (nestBlocks && isBlock) ? nesting + 1 : nesting, childDepth);
    }
  }

  /** radon's decision points (radon/visitors.py `generic_visit`) and SonarSource's increments. */
  private count(node: SyntaxNode, type: string, children: SyntaxNode[], parentType: string, scope: Scope, nesting: number): void {
    scope.path.cyclomatic += radonDecisions(node, type, children);
    const unit = scope.unit;
    if (!unit) return;
    if (nestedIncrement.has(type)) unit.cognitive += 1 + nesting;
    else if (type === "elif_clause" || type === "else_clause") unit.cognitive += 1;
    else if (type === "boolean_operator" && parentType !== "boolean_operator") {
      unit.cognitive += countOperatorRuns(node, booleanOperator);
    }
  }

  private enterDecorated(node: SyntaxNode, scope: Scope): void {
    const definition = node.childForFieldName("definition");
    if (!definition) return this.visitChildren(node, scope, 0, 0);
    const decorators = node.namedChildren.filter((child) => child.type === "decorator");
    this.enterDefinition(definition, scope, definition, decorators);
  }

  private enterDefinition(node: SyntaxNode, scope: Scope, head: SyntaxNode, decorators: SyntaxNode[]): void {
    const unit = this.createUnit(node, scope.unit, head, decorators);
    // radon looks only at the body: decorators, defaults, annotations and bases add nothing.
    const header: Scope = { unit, path: { cyclomatic: 1 }, recordsCalls: false };
    for (const decorator of decorators) this.visit(decorator, "decorated_definition", header, 0, 0);
    const own: Scope = { unit, path: unit };
    for (const child of node.namedChildren) {
      if (child.type === "identifier") continue;
      if (child.type === "block") this.visitChildren(child, own, 0, 0);
      else this.visit(child, node.type, header, 0, 0);
    }
  }

  private createUnit(node: SyntaxNode, parent: UnitDraft | null, head: SyntaxNode, decorators: SyntaxNode[]): UnitDraft {
    const name = node.childForFieldName("name")?.text ?? "";
    const isClass = node.type === "class_definition";
    // radon: methods are `Class.method`; closures and inner classes are `outer.inner`.
    const inClass = parent?.kind === "class" && !isClass;
    const radonName = parent && !inClass ? `${parent.radonName}.${name}` : name;
    const qualname = inClass ? `${parent.radonName}.${name}` : radonName;
    const kind = isClass ? "class" : inClass ? "method" : "function";
    const unit = createUnitDraft({ node, headStart: head, kind, name, qualname, radonName, parent, decorators });
    if (inClass) parent.methods.push(unit);
    for (const parameter of node.childForFieldName("parameters")?.namedChildren ?? []) {
      const name = parameter.type === "identifier" ? parameter : parameter.childForFieldName("name");
      if (name?.type === "identifier") unit.shadowed.add(name.text);
    }
    this.units.push(unit);
    return unit;
  }

  private useName(node: SyntaxNode, scope: Scope): void {
    if (!scope.unit) return;
    const name = this.source.slice(node.startIndex, node.endIndex);
    if (Object.hasOwn(this.imports, name) && !scope.unit.shadowed.has(name)) scope.unit.importsUsed.add(this.imports[name]);
  }

  private recordCall(node: SyntaxNode, scope: Scope): void {
    if (!scope.unit || scope.recordsCalls === false) return;
    const callee = node.childForFieldName("function");
    const name = callee ? renderPythonCallee(callee) : undefined;
    if (name) scope.unit.calls.add(name);
  }
}

/** radon's increments for one node (radon/visitors.py, `ComplexityVisitor.generic_visit`). */
function radonDecisions(node: SyntaxNode, type: string, children: SyntaxNode[]): number {
  switch (type) {
    case "if_statement":
    case "elif_clause":
    case "conditional_expression":
    case "boolean_operator":
      return 1;
    case "for_statement":
    case "while_statement":
      return 1 + (children.some((child) => child.type === "else_clause") ? 1 : 0);
    case "try_statement":
      return tryDecisions(children);
    case "match_statement":
      return radonMatchComplexity(node);
    default:
      return comprehensions.has(type) ? comprehensionDecisions(children) : 0;
  }
}

// Handlers plus `else`. An `except*` try is a `TryStar` node, which radon does not count.
function tryDecisions(children: SyntaxNode[]): number {
  let handlers = 0;
  let orElse = 0;
  for (const child of children) {
    if (child.type === "except_clause") {
      if (child.children.some((part) => part.type === "*")) return 0;
      handlers++;
    } else if (child.type === "else_clause") orElse = 1;
  }
  return handlers + orElse;
}

// Each `for` of a comprehension counts 1, plus 1 per `if`.
function comprehensionDecisions(children: SyntaxNode[]): number {
  let decisions = 0;
  for (const child of children) {
    if (child.type === "for_in_clause" || child.type === "if_clause") decisions++;
  }
  return decisions;
}
