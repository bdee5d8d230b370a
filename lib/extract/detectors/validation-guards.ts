import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { returnedValue } from "./functions";
import { bodyStatements, classMethods, parameterNames, type Family } from "./syntax";

const errorCall = /^_?(error|fail|add_?error|report_?error|invalid|reject|addIssue|raise_?error)$/;
const invalidError = /Invalid|Validation|ValueError|RangeError/;
const acceptedValue = /^(True|False|true|false|None|null|undefined)$/;

/** What the guard-only reading found: how many guards reject the input, and the first. */
export interface GuardReading {
  guards: number;
  first: string;
}

/**
 * A function whose body only checks its input: every statement is a guard on a parameter
 * whose branch rejects it (raise/throw, `return False`, an error report like
 * `self._error(field, ...)`), a try around such checks, a local computed for them, or a
 * final `return value`/`return True`. `if len(label) > 63: return False; return True` is
 * one; a method that checks a precondition and then does its work is not.
 */
export function guardOnly(node: SyntaxNode, family: Family): GuardReading | undefined {
  const parameters = parameterNames(node).filter((name) => !/^(self|this|cls)$/.test(name));
  if (parameters.length === 0) return undefined;
  const reading = { guards: 0, first: "" };
  const statements = bodyStatements(node);
  if (statements.length === 0 || statements.length > 8) return undefined;
  for (const [index, statement] of statements.entries()) {
    const last = index === statements.length - 1;
    if (!checkStatement(statement, parameters, family, reading, last)) return undefined;
  }
  return reading.guards > 0 ? reading : undefined;
}

function checkStatement(statement: SyntaxNode, parameters: string[], family: Family, reading: GuardReading, last: boolean): boolean {
  switch (statement.type) {
    case "if_statement":
      return guard(statement, parameters, reading);
    case "try_statement": {
      const body = statement.childForFieldName("body");
      const inner = body ? body.namedChildren.filter((child) => child.type !== "comment") : [];
      const handlers = statement.namedChildren.filter((child) => /^(except_clause|catch_clause)$/.test(child.type));
      const handled = handlers.every((handler) => rejectsOrIgnores(handler));
      if (handlers.some((handler) => /\braise\b|\bthrow\b|return\s+(False|false)\b/.test(handler.text))) reading.guards++;
      return handled && inner.every((child) => checkStatement(child, parameters, family, reading, false));
    }
    case "return_statement": {
      const value = returnedValue(statement);
      return last && (!value || acceptedValue.test(value.text) || parameters.includes(value.text));
    }
    case "expression_statement": {
      const expression = statement.firstNamedChild;
      // A local computed for the checks (`match = self.pattern.match(v)`), never a field.
      const target = expression?.childForFieldName("left")?.text ?? "";
      return (expression?.type === "assignment" && /^[\w$]+$/.test(target)) || false;
    }
    case "lexical_declaration":
    case "variable_declaration":
      return true;
    default:
      return false;
  }
}

function guard(statement: SyntaxNode, parameters: string[], reading: GuardReading): boolean {
  if (statement.childForFieldName("alternative") || statement.namedChildren.some((child) => /^(else_clause|elif_clause)$/.test(child.type))) return false;
  const condition = statement.childForFieldName("condition")?.text ?? "";
  if (!parameters.some((name) => new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, "\\$")}\\b`).test(condition))) return false;
  const consequence = statement.childForFieldName("consequence");
  const inside = consequence && /^(block|statement_block)$/.test(consequence.type) ? consequence.namedChildren.filter((child) => child.type !== "comment") : consequence ? [consequence] : [];
  if (inside.length !== 1 || !rejects(inside[0]!)) return false;
  reading.guards++;
  reading.first ||= condition.replace(/\s+/g, " ").slice(0, 40);
  return true;
}

function rejects(statement: SyntaxNode): boolean {
  if (statement.type === "raise_statement" || statement.type === "throw_statement") return true;
  if (statement.type === "return_statement") return /^(False|false)$/.test(returnedValue(statement)?.text ?? "") || /error|invalid/i.test(returnedValue(statement)?.text ?? "");
  if (statement.type !== "expression_statement") return false;
  const call = statement.firstNamedChild;
  if (call?.type !== "call" && call?.type !== "call_expression") return false;
  const callee = call.childForFieldName("function")?.text ?? "";
  return errorCall.test(callee.split(".").pop() ?? "") || /errors?\.(append|push)$/.test(callee);
}

function rejectsOrIgnores(handler: SyntaxNode): boolean {
  const body = handler.namedChildren.filter((child) => /block$/.test(child.type)).pop();
  const inner = body?.namedChildren.filter((child) => child.type !== "comment") ?? [];
  return inner.length === 1 && (inner[0]!.type === "pass_statement" || rejects(inner[0]!));
}

/**
 * A validator class: its `__call__`/`validate` raises an invalid-input error under a guard
 * (`raise MatchInvalid(...)`, `raise ValidationError(...)`), or ≥3 of its methods only check
 * their input (`_validate_max`, `_validate_min`, ...).
 */
export function validatorClass(classNode: SyntaxNode, family: Family): string | undefined {
  const methods = classMethods(classNode);
  // Every definition of the entry counts: typing overload stubs come before the real one.
  for (const entry of methods.filter((method) => /^(__call__|validate|check|_validate|_exec|call)$/.test(method.name))) {
    const raised = entry.node.descendantsOfType(family === "python" ? ["raise_statement"] : ["throw_statement"]).find((statement) => invalidError.test(statement.text.split("(")[0] ?? ""));
    if (raised && guardedOrCaught(raised, entry.node)) return `${entry.name}() rejects bad input: ${raised.text.replace(/\s+/g, " ").slice(0, 50)}`;
  }
  const checks = methods.filter((method) => guardOnly(method.node, family));
  return checks.length >= 3 ? `${checks.length} methods only check their input (${checks.slice(0, 3).map((method) => method.name).join(", ")})` : undefined;
}

function guardedOrCaught(node: SyntaxNode, limit: SyntaxNode): boolean {
  for (let current = node.parent; current && current.id !== limit.id; current = current.parent) {
    if (/^(if_statement|except_clause|catch_clause|elif_clause|else_clause)$/.test(current.type)) return true;
  }
  return false;
}
