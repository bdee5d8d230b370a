import type { SyntaxNode } from "./syntax-tree/index.ts";
import type { Language } from "@/lib/domain";

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

/** Emits the token for a node; returns false when its subtree must not be entered. */
function emitNode(node: SyntaxNode, state: ShapeState): boolean {
  const type = node.type;
  if (skippedTypes.has(type)) return false;
  if (!node.isNamed) {
    if (!punctuation.has(type)) state.tokens.push(type);
    return false;
  }
  if (identifierTypes.has(type)) {
    const text = node.text;
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
  if (type === "expression_statement" && isDocstring(node)) return false;
  state.tokens.push(type);
  return true;
}

/** The normalised pre-order shape of a syntax subtree, one token per kept node, with `)` closing each entered node. */
export function shapeOfNode(node: SyntaxNode): string[] {
  const state: ShapeState = { tokens: [], names: new Map() };
  if (!emitNode(node, state)) return state.tokens;
  // Iterative pre-order walk (entered nodes and how many of their children are done):
  // deep syntax trees must not overflow the stack.
  const entered: SyntaxNode[] = [node];
  const done: number[] = [0];
  while (entered.length > 0) {
    const top = entered.length - 1;
    const children = entered[top].children;
    const next = done[top];
    if (next === children.length) {
      state.tokens.push(")");
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
  return state.tokens;
}

// The FNV-1a state: four 16-bit limbs, least significant first (offset basis 0xcbf29ce484222325).
type FnvState = [number, number, number, number];

function fnvStart(): FnvState {
  return [0x2325, 0x8422, 0x9ce4, 0xcbf2];
}

/**
 * Feeds the UTF-16 code units of `text` into `state`. Written with four 16-bit limbs so it
 * needs neither BigInt (slow) nor `node:crypto` (absent in edge runtimes); the limbs stay in
 * locals: fingerprints hash every syntax token of every unit, so this loop is hot.
 */
function fnvFeed(state: FnvState, text: string): void {
  let h0 = state[0];
  let h1 = state[1];
  let h2 = state[2];
  let h3 = state[3];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A code unit above 0xff is two bytes, high byte first.
    if (code > 0xff) {
      h0 ^= code >>> 8;
      // h × 0x100000001b3 mod 2^64: the prime is 2^40 + 435, so h×435 plus h shifted 40 bits.
      const t0 = h0 * 435;
      const t1 = h1 * 435 + (t0 >>> 16);
      const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 435 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    h0 ^= code & 0xff;
    const t0 = h0 * 435;
    const t1 = h1 * 435 + (t0 >>> 16);
    const t2 = h2 * 435 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 435 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
}

function fnvDigest(state: FnvState): string {
  return [state[3], state[2], state[1], state[0]].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

/** FNV-1a 64-bit over the UTF-16 code units of `text` (each as one byte, or two when above 0xff), as 16 hex digits. */
export function fnv1a64(text: string): string {
  const state = fnvStart();
  fnvFeed(state, text);
  return fnvDigest(state);
}

/** `fnv1a64(prefix + parts.join(" "))` without building the joined string. */
export function fnv1a64Joined(prefix: string, parts: readonly string[]): string {
  const state = fnvStart();
  fnvFeed(state, prefix);
  for (let index = 0; index < parts.length; index++) {
    if (index > 0) fnvFeed(state, " ");
    fnvFeed(state, parts[index]!);
  }
  return fnvDigest(state);
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
  return fnv1a64Joined(`${languageFamily(language)}\u0000`, shapeOfNode(node));
}
