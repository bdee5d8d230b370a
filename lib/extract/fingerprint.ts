import type { Node as SyntaxNode, TreeCursor } from "web-tree-sitter";
import type { Language } from "./types.ts";

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

interface ShapeState {
  tokens: string[];
  names: Map<string, number>;
}

/** Emits the token for the cursor's node; returns false when its subtree must not be entered. */
function emitNode(cursor: TreeCursor, state: ShapeState): boolean {
  const type = cursor.nodeType;
  if (skippedTypes.has(type)) return false;
  if (!cursor.nodeIsNamed) {
    if (!punctuation.has(type)) state.tokens.push(type);
    return false;
  }
  if (identifierTypes.has(type)) {
    const text = cursor.nodeText;
    let index = state.names.get(text);
    if (index === undefined) {
      index = state.names.size;
      state.names.set(text, index);
    }
    state.tokens.push(`$${index}`);
    return false;
  }
  const literal = literalCategory[type];
  if (literal) {
    state.tokens.push(literal);
    return false;
  }
  if (type === "expression_statement" && isDocstring(cursor.currentNode)) return false;
  state.tokens.push(type);
  return true;
}

/** The normalised pre-order shape of a syntax subtree, one token per kept node, with `)` closing each entered node. */
export function shapeOfNode(node: SyntaxNode): string[] {
  const state: ShapeState = { tokens: [], names: new Map() };
  const cursor = node.walk();
  try {
    // Iterative pre-order walk: deep syntax trees must not overflow the stack.
    let entered = emitNode(cursor, state);
    for (;;) {
      if (entered && cursor.gotoFirstChild()) {
        entered = emitNode(cursor, state);
        continue;
      }
      if (entered) state.tokens.push(")");
      let moved = false;
      while (cursor.currentDepth > 0) {
        if (cursor.gotoNextSibling()) {
          moved = true;
          break;
        }
        cursor.gotoParent();
        state.tokens.push(")");
      }
      if (!moved) break;
      entered = emitNode(cursor, state);
    }
  } finally {
    cursor.delete();
  }
  return state.tokens;
}

/**
 * FNV-1a 64-bit over the UTF-16 code units of `text`, as 16 hex digits. Written with four
 * 16-bit limbs so it needs neither BigInt (slow) nor `node:crypto` (absent in edge runtimes).
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0xff) {
      h0 ^= code >>> 8;
      [h0, h1, h2, h3] = multiplyByPrime(h0, h1, h2, h3);
    }
    h0 ^= code & 0xff;
    [h0, h1, h2, h3] = multiplyByPrime(h0, h1, h2, h3);
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

/** h × 0x100000001b3 mod 2^64: the prime is 2^40 + 435, so h×435 plus h shifted 40 bits. */
function multiplyByPrime(h0: number, h1: number, h2: number, h3: number): [number, number, number, number] {
  const t0 = h0 * 435;
  const t1 = h1 * 435 + (t0 >>> 16);
  const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
  const t3 = h3 * 435 + (h1 << 8) + (t2 >>> 16);
  return [t0 & 0xffff, t1 & 0xffff, t2 & 0xffff, t3 & 0xffff];
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
  return fnv1a64(`${languageFamily(language)}\u0000${shapeOfNode(node).join(" ")}`);
}
