/**
 * Call shapes and control shapes of a unit, in words both grammars share: `call:self.get`
 * (a call on self whose name's words include "get"), `ctl:loop>try>call:sleep` (a call to
 * something named "sleep" inside a try inside a loop). Python and TS/JS node types are mapped
 * to one vocabulary (loop, try, catch, with, if, fn, return, raise, yield, await), so a shape
 * learned in one language can be recognised in the other.
 */
import type { Language } from "@/lib/domain";
import type { SyntaxNode } from "@/lib/extract";
import { leafWords } from "./leaf-words";

const controlOf: Record<string, string> = {
  for_statement: "loop",
  for_in_statement: "loop",
  while_statement: "loop",
  do_statement: "loop",
  try_statement: "try",
  except_clause: "catch",
  except_group_clause: "catch",
  catch_clause: "catch",
  finally_clause: "finally",
  with_statement: "with",
  if_statement: "if",
  conditional_expression: "if",
  ternary_expression: "if",
  function_definition: "fn",
  lambda: "fn",
  function_declaration: "fn",
  function_expression: "fn",
  arrow_function: "fn",
  method_definition: "fn",
  generator_function_declaration: "fn",
  class_definition: "class",
  class_declaration: "class",
  class: "class",
};

const eventOf: Record<string, string> = {
  return_statement: "return",
  raise_statement: "raise",
  throw_statement: "raise",
  yield: "yield",
  yield_expression: "yield",
  await: "await",
  await_expression: "await",
};

const callTypes = new Set(["call", "call_expression", "new_expression"]);
const selfNames = new Set(["self", "this", "cls"]);

/** How a callee's receiver reads: self/this, a plain name, or something longer; none for a bare call. */
function receiverOf(callee: SyntaxNode): string {
  const object = callee.childForFieldName("object");
  if (!object) return "";
  if (object.type === "this" || selfNames.has(object.text)) return "self.";
  if (object.type === "identifier") return "name.";
  const inner = object.childForFieldName("object");
  return inner && (inner.type === "this" || selfNames.has(inner.text)) ? "self.*." : "expr.";
}

/** The words of a call's callee name, with its receiver shape (`self.`, `name.`, `` for a bare call, `new `). */
function callShape(call: SyntaxNode): { shape: string; words: string[] } | undefined {
  const callee = call.childForFieldName("function") ?? call.childForFieldName("constructor");
  if (!callee) return undefined;
  const name = callee.childForFieldName("attribute") ?? callee.childForFieldName("property") ?? callee;
  const words = name.type === "identifier" || name.type === "property_identifier" || name.type === "private_property_identifier" ? leafWords(name.text) : [];
  const shape = `${call.type === "new_expression" ? "new " : ""}${receiverOf(callee)}`;
  return { shape, words };
}

/** Control ancestors of a node inside the unit, nearest first, at most `depth`. */
function controlChain(node: SyntaxNode, root: SyntaxNode, depth: number): string[] {
  const chain: string[] = [];
  for (let at = node.parent; at && at !== root && chain.length < depth; at = at.parent) {
    const control = controlOf[at.type];
    if (control) chain.push(control);
  }
  return chain;
}

/** The unit's call and control shapes as [family, text] pairs (texts are hashed by the caller). */
export function controlShapes(root: SyntaxNode, language: Language): [string, string][] {
  const shapes: [string, string][] = [];
  const lang = language === "python" ? "py" : "js";
  const stack: SyntaxNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) stack.push(child);
    let event = eventOf[node.type] ?? controlOf[node.type];
    if (callTypes.has(node.type)) {
      const call = callShape(node);
      if (!call) continue;
      const arguments_ = node.childForFieldName("arguments")?.namedChildCount ?? 0;
      for (const word of call.words) {
        shapes.push(["call", `${call.shape}${word}`], ["call", `${call.shape}${word}/${Math.min(arguments_, 3)}`]);
      }
      shapes.push(["call", `${call.shape}(${Math.min(arguments_, 3)})`]);
      event = `call:${call.words.at(-1) ?? call.shape}`;
    }
    if (!event) continue;
    const chain = controlChain(node, root, 3);
    // Each suffix of the chain: `try>call:sleep`, `loop>try>call:sleep` (the nearest context first).
    for (let length = 1; length <= chain.length; length++) shapes.push(["ctl", `${chain.slice(0, length).reverse().join(">")}>${event}`]);
    if (chain.length === 0) shapes.push(["ctl", `top>${event}`]);
    shapes.push(["ctl", `${lang}:${event}`]);
  }
  return shapes;
}
