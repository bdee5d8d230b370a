import type { SyntaxNode } from "./syntax-tree/index.ts";
import type { Language } from "@/lib/domain";
import { fnvDigest, fnvFeed, fnvStart, type FnvState } from "./fnv1a64";

export { fnv1a64, fnv1a64Joined } from "./fnv1a64";

// Names are abstracted to placeholders numbered by first occurrence, so a copy with
// renamed variables has the same shape while `a = a + b` and `a = b + c` stay distinct.
const identifierTypes = new Set([
  "identifier",
  "property_identifier",
  "shorthand_property_identifier",
  "shorthand_property_identifier_pattern",
  "private_property_identifier",
  "type_identifier",
  "statement_identifier",
  "field_identifier",
]);

// Literal values are abstracted to their category; their inner tokens (quotes, escapes,
// template parts) are dropped so `"a"` and `'b'` and `f"{x}"` all read as one string.
const literalCategory: Record<string, string> = {
  string: "<str>",
  concatenated_string: "<str>",
  template_string: "<str>",
  integer: "<num>",
  float: "<num>",
  number: "<num>",
  regex: "<regex>",
};

const skippedTypes = new Set(["comment", "hash_bang_line", "html_comment"]);

// Pure punctuation carries no shape the tree does not already encode (and trailing
// commas would otherwise split identical code); operators and keywords are kept.
const punctuation = new Set(["(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "\"", "'", "`"]);

const docstringOwners = new Set(["function_definition", "class_definition", "module"]);

/** A Python docstring: a lone string statement that opens a function, class or module body. */
function isDocstring(node: SyntaxNode): boolean {
  if (node.namedChildCount !== 1 || node.namedChildren[0]?.type !== "string") return false;
  const block = node.parent;
  if (!block) return false;
  if (block.type === "module") return block.namedChildren[0]?.id === node.id;
  const owner = block.parent;
  return block.type === "block" && !!owner && docstringOwners.has(owner.type) && block.namedChildren[0]?.id === node.id;
}

// A shape goes either into a token list (`shapeOfNode`) or straight into a hash
// (`fingerprintUnit`, which so allocates no list and no joined text per unit).
interface ShapeState {
  tokens?: string[];
  hash?: FnvState;
  emitted: number;
  names: Map<string, number>;
}

// `$0`, `$1`, …: the placeholders of numbered names, made once.
const placeholders: string[] = [];

function push(state: ShapeState, token: string): void {
  if (state.tokens) state.tokens.push(token);
  else {
    if (state.emitted > 0) fnvFeed(state.hash!, " ");
    fnvFeed(state.hash!, token);
  }
  state.emitted++;
}

/** Emits the token for a node; returns false when its subtree must not be entered. */
function emitNode(node: SyntaxNode, state: ShapeState): boolean {
  const type = node.type;
  if (skippedTypes.has(type)) return false;
  if (!node.isNamed) {
    if (!punctuation.has(type)) push(state, type);
    return false;
  }
  if (identifierTypes.has(type)) {
    const text = node.text;
    let index = state.names.get(text);
    if (index === undefined) {
      index = state.names.size;
      state.names.set(text, index);
    }
    push(state, (placeholders[index] ??= `$${index}`));
    return false;
  }
  const literal = literalCategory[type];
  if (literal) {
    push(state, literal);
    return false;
  }
  if (type === "expression_statement" && isDocstring(node)) return false;
  push(state, type);
  return true;
}

/** The normalised pre-order shape of a syntax subtree, one token per kept node, with `)` closing each entered node. */
export function shapeOfNode(node: SyntaxNode): string[] {
  const state: ShapeState = { tokens: [], emitted: 0, names: new Map() };
  walkShape(node, state);
  return state.tokens!;
}

function walkShape(node: SyntaxNode, state: ShapeState): void {
  if (!emitNode(node, state)) return;
  // Iterative pre-order walk (entered nodes and how many of their children are done):
  // deep syntax trees must not overflow the stack.
  const entered: SyntaxNode[] = [node];
  const done: number[] = [0];
  while (entered.length > 0) {
    const top = entered.length - 1;
    const children = entered[top].children;
    const next = done[top];
    if (next === children.length) {
      push(state, ")");
      entered.pop();
      done.pop();
      continue;
    }
    done[top] = next + 1;
    const child = children[next];
    if (emitNode(child, state)) {
      entered.push(child);
      done.push(0);
    }
  }
}

/** Languages whose grammars share node types hash in one family, so a JS and a TS copy can match. */
function languageFamily(language: Language): string {
  return language === "python" ? "python" : "ecmascript";
}

/**
 * The structural fingerprint of a code unit: a 64-bit hash (16 hex digits) of its syntax
 * shape with identifiers numbered by first occurrence and literals, comments and
 * docstrings abstracted, keywords and operators kept. Renamed copies share it; a changed
 * control flow does not.
 */
export function fingerprintUnit(node: SyntaxNode, language: Language): string {
  const hash = fnvStart();
  fnvFeed(hash, `${languageFamily(language)}\u0000`);
  walkShape(node, { hash, emitted: 0, names: new Map() });
  return fnvDigest(hash);
}
