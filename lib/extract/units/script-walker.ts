import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { radonClassComplexity } from "../metrics/radon-class-complexity";
import { countOperatorRuns } from "../metrics/logical-sequences";
import { cognitiveBodies, eslintDecisions, isLogicalOperator, operatorOf } from "../metrics/eslint-decisions";
import { renderScriptCallee } from "./script-callee";
import { bindClass, bindFunction } from "./script-names";
import { createUnitDraft, type PathCounter, type UnitDraft } from "./unit-draft";
import type { WalkResult } from "./walk-result";

interface Scope {
  /** The innermost named unit: cognitive complexity, calls and imports go to it. */
  unit: UnitDraft | null;
  /** The innermost ESLint code path (any function, field initializer or static block). */
  path: PathCounter;
  /** False inside decorators: `@Get(":id")` configures the unit, it is not a call of its body. */
  recordsCalls?: boolean;
}

const functionTypes = new Set([
  "function_declaration",
  "generator_function_declaration",
  "function_expression",
  "function",
  "generator_function",
  "arrow_function",
  "method_definition",
]);
const classTypes = new Set(["class_declaration", "class", "abstract_class_declaration"]);
const nameTypes = new Set(["identifier", "type_identifier", "shorthand_property_identifier"]);
// Cognitive complexity: +1 plus nesting (an `if` that is an `else if` is charged by its `else`).
const nestedIncrement = new Set([
  "if_statement",
  "for_statement",
  "for_in_statement",
  "while_statement",
  "do_statement",
  "switch_statement",
  "catch_clause",
  "ternary_expression",
]);

/**
 * One walk over a JS/TS tree: finds named functions, methods, accessors, constructors,
 * class-field functions, object-literal methods and classes, and counts, per unit, ESLint's
 * `complexity` (per code path, as ESLint does), cognitive complexity, nesting depth, calls
 * and imported names used.
 */
export class ScriptWalker {
  readonly units: UnitDraft[] = [];
  readonly comments: number[] = [];

  constructor(private readonly source: string, private readonly imports: Record<string, string>) {}

  private readonly logicalOperator = (node: SyntaxNode): string | undefined => {
    if (node.type !== "binary_expression") return undefined;
    const operator = operatorOf(node, node.namedChildren, this.source);
    return isLogicalOperator(operator) ? operator : undefined;
  };

  /** Walks the program and settles class complexities. */
  walk(root: SyntaxNode): WalkResult {
    this.visitChildren(root, { unit: null, path: { cyclomatic: 1 } }, 0, 0);
    for (const unit of this.units) {
      if (unit.kind !== "class") continue;
      // ESLint has no class figure; radon's formula keeps classes comparable across languages.
      unit.cyclomatic = radonClassComplexity({
        bodyComplexity: 1 + unit.bodyDecisions,
        methodComplexities: unit.methods.map((method) => method.cyclomatic),
      });
    }
    return { units: this.units, comments: this.comments };
  }

  private visit(node: SyntaxNode, parentType: string, scope: Scope, nesting: number, depth: number): void {
    const type = node.type;
    if (functionTypes.has(type)) return this.enterFunction(node, scope, nesting, depth);
    if (classTypes.has(type)) return this.enterClass(node, scope, nesting, depth);
    switch (type) {
      case "comment":
        this.comments.push(node.startIndex, node.endIndex);
        return;
      case "decorator":
        return this.visitChildren(node, { ...scope, recordsCalls: false }, nesting, depth);
      case "field_definition":
      case "public_field_definition":
        return this.enterInitializer(node, node.childForFieldName("value"), scope, nesting, depth);
      case "class_static_block":
        return this.enterInitializer(node, node.childForFieldName("body"), scope, nesting, depth);
      case "call_expression":
        this.recordCall(node.childForFieldName("function"), scope);
        break;
      case "new_expression":
        this.recordCall(node.childForFieldName("constructor"), scope);
        break;
      default:
        if (nameTypes.has(type)) return this.useName(node, scope);
    }
    // Named children only: building a node object per punctuation token is the walk's main cost.
    const children = node.namedChildren;
    this.count(node, type, children, parentType, scope, nesting);
    this.visitChildren(node, scope, nesting, depth, children);
  }

  private visitChildren(node: SyntaxNode, scope: Scope, nesting: number, depth: number, children = node.namedChildren): void {
    const type = node.type;
    const bodies = cognitiveBodies(node, type, children);
    for (const child of children) {
      const nested = bodies !== undefined && bodies.has(child.id);
      // Ternaries nest for cognitive complexity but are expressions, not control blocks.
      const childDepth = (nested && type !== "ternary_expression") || isControlBlock(type, child) ? depth + 1 : depth;
      if (scope.unit && childDepth > scope.unit.maxNesting) scope.unit.maxNesting = childDepth;
      this.visit(child, type, scope, nested ? nesting + 1 : nesting, childDepth);
    }
  }

  /** ESLint's `complexity` increments and SonarSource's cognitive increments for one node. */
  private count(node: SyntaxNode, type: string, children: SyntaxNode[], parentType: string, scope: Scope, nesting: number): void {
    const decisions = eslintDecisions(node, type, children, this.source);
    scope.path.cyclomatic += decisions;
    const unit = scope.unit;
    if (!unit) return;
    if (nestedIncrement.has(type)) {
      unit.cognitive += type === "if_statement" && parentType === "else_clause" ? 0 : 1 + nesting;
    } else if (type === "else_clause") unit.cognitive += 1;
    else if ((type === "break_statement" || type === "continue_statement") && node.namedChildCount > 0) unit.cognitive += 1;
    else if (type === "binary_expression" && decisions > 0 && parentType !== "binary_expression") {
      unit.cognitive += countOperatorRuns(node, this.logicalOperator);
    }
  }

  private enterFunction(node: SyntaxNode, scope: Scope, nesting: number, depth: number): void {
    const binding = bindFunction(node, scope.unit);
    const unit = binding ? this.createUnit(node, binding, scope.unit) : null;
    if (unit) unit.isGenerator = node.children.some((child) => child.type === "*");
    // Parameters and body form the function's own code path; decorators and computed keys
    // are evaluated outside it (ESLint counts them in the enclosing function).
    const own: Scope = { unit: unit ?? scope.unit, path: unit ?? { cyclomatic: 1 } };
    const ownNesting = unit ? 0 : nesting + 1;
    const ownDepth = unit ? 0 : depth;
    let beforeParameters = node.type !== "arrow_function";
    for (const child of node.namedChildren) {
      const childType = child.type;
      if (childType === "formal_parameters") beforeParameters = false;
      if (childType === "decorator" || childType === "computed_property_name") this.visit(child, node.type, scope, nesting, depth);
      else if (beforeParameters && childType !== "type_parameters") continue;
      else this.visit(child, node.type, own, ownNesting, ownDepth);
    }
  }

  private enterClass(node: SyntaxNode, scope: Scope, nesting: number, depth: number): void {
    const binding = bindClass(node, scope.unit);
    const unit = binding ? this.createUnit(node, binding, scope.unit) : null;
    const inside: Scope = { unit: unit ?? scope.unit, path: scope.path };
    for (const child of node.namedChildren) {
      if (child.type === "type_identifier" || (child.type === "identifier" && child.id === node.childForFieldName("name")?.id)) continue;
      this.visit(child, node.type, child.type === "class_body" ? inside : scope, nesting, depth);
    }
  }

  // Class field initializers and static blocks are code paths of their own in ESLint.
  private enterInitializer(node: SyntaxNode, value: SyntaxNode | null, scope: Scope, nesting: number, depth: number): void {
    const initializer: Scope = { unit: scope.unit, path: { cyclomatic: 1 } };
    for (const child of node.namedChildren) {
      if (value && child.id === value.id && !functionTypes.has(child.type)) this.visit(child, node.type, initializer, nesting, depth);
      else this.visit(child, node.type, scope, nesting, depth);
    }
    if (scope.unit?.kind === "class") scope.unit.bodyDecisions += initializer.path.cyclomatic - 1;
  }

  private createUnit(node: SyntaxNode, binding: ReturnType<typeof bindFunction> & object, parent: UnitDraft | null): UnitDraft {
    const unit = createUnitDraft({ node, headStart: binding.head, kind: binding.kind, name: binding.name, qualname: binding.qualname, parent });
    if (parent?.kind === "class" && binding.kind === "method") parent.methods.push(unit);
    for (const parameter of node.childForFieldName("parameters")?.namedChildren ?? []) {
      const name = parameter.type === "identifier" ? parameter : parameter.childForFieldName("pattern") ?? parameter.childForFieldName("left");
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

  private recordCall(callee: SyntaxNode | null, scope: Scope): void {
    if (!scope.unit || !callee || scope.recordsCalls === false) return;
    const name = renderScriptCallee(callee);
    if (name) scope.unit.calls.add(name);
  }
}

// try/finally blocks deepen nesting without being cognitive increments.
function isControlBlock(parentType: string, child: SyntaxNode): boolean {
  return (parentType === "try_statement" || parentType === "finally_clause") && child.type === "statement_block";
}
