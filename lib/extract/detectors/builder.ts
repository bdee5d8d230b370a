import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { patternMatch, type Detector } from "./detector";
import { ownReturns, returnedValue } from "./functions";
import { classMethods, type Family, type MethodInfo } from "./syntax";

/**
 * Builder: ≥2 methods that return `self`/`this` so calls chain, plus a terminal method that
 * constructs the product from what they collected (reads their fields or hands over the
 * builder itself). A single fluent method, or `build_url`, is not a builder.
 */
export const detectBuilder: Detector = (context) => {
  if (!context.isClass) return undefined;
  const methods = classMethods(context.node).filter((method) => !method.isStatic && !/^(constructor|__\w+__)$/.test(method.name));
  const fluent = methods.filter((method) => isFluent(method.node, context.family));
  if (fluent.length < 2) return undefined;
  const collected = new Set(fluent.flatMap((method) => [...method.node.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*(?:\[[^\]]*\])?\s*(?:=[^=]|\.(?:append|push|add|update|extend|set)\()/g)].map((match) => match[1]!)));
  const terminal = methods.find((method) => !fluent.includes(method) && isTerminal(method, collected, context.family));
  if (!terminal) return undefined;
  return patternMatch("builder", fluent.length >= 3 ? 0.9 : 0.8, [
    `${fluent.length} chainable methods return ${context.family === "python" ? "self" : "this"} (${fluent.slice(0, 4).map((method) => method.name).join(", ")})`,
    `${terminal.name}() builds the product from the collected state`,
  ]);
};

function isFluent(node: SyntaxNode, family: Family): boolean {
  const values = ownReturns(node, family).map((statement) => returnedValue(statement));
  return values.length > 0 && values.every((value) => value !== undefined && returnsSelf(value));
}

function returnsSelf(value: SyntaxNode): boolean {
  const text = value.text.replace(/\s+as\s+[\w<>\s,]+$/g, "").trim();
  if (text === "self" || text === "this") return true;
  if (value.type === "sequence_expression") return /,\s*this\s*$/.test(value.text);
  return false;
}

function isTerminal(method: MethodInfo, collected: Set<string>, family: Family): boolean {
  const values = ownReturns(method.node, family).flatMap((statement) => returnedValue(statement) ?? []);
  if (values.length === 0) return false;
  const constructs = values.some((value) => /^(call|call_expression|new_expression|await_expression|identifier)$/.test(value.type));
  if (!constructs) return false;
  const reads = [...collected].filter((field) => new RegExp(`\\b(?:self|this)\\.${field.replace("$", "\\$")}\\b`).test(method.node.text));
  const handsOverSelf = /[(,]\s*(self|this)\s*[,)]/.test(method.node.text);
  const instantiates = /\bnew\s+[A-Z]|\b(cls|type)\(|(^|[^.\w])[A-Z][A-Za-z0-9]*[a-z]\w*\(/.test(method.node.text);
  return (reads.length >= 1 && instantiates) || handsOverSelf;
}
