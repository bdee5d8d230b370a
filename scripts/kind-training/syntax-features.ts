/**
 * Features read from a unit's syntax tree itself, not from hand-made facts (code2vec's idea
 * without its network): AST path-contexts between pairs of leaves, node-type n-grams along
 * parent chains, call shapes and control shapes. Leaves are abstracted — an identifier becomes
 * its lower-cased sub-words, a literal its type — so a shape can recur across packages. Every
 * feature is hashed into a bounded space per family (`ast:`, `asw:`, `ng:`, `nw:`, `call:`,
 * `ctl:`), so a family can be kept or dropped by its prefix.
 */
import type { Language } from "@/lib/domain";
import type { SyntaxNode, UnitFeatures } from "@/lib/extract";
import { leafWords } from "./leaf-words";
import { controlShapes } from "./syntax-shapes";

/** The knobs of path-contexts (code2vec's max length and width), and the hash space per family. */
export interface SyntaxFeatureSettings {
  maxPathLength: number;
  maxPathWidth: number;
  /** Leaves carried up from one child at most (the nearest, in document order). */
  maxLeavesPerChild: number;
  hashBits: number;
}

export const defaultSyntaxSettings: SyntaxFeatureSettings = { maxPathLength: 6, maxPathWidth: 2, maxLeavesPerChild: 12, hashBits: 20 };

const identifierTypes = new Set(["identifier", "property_identifier", "type_identifier", "shorthand_property_identifier", "private_property_identifier", "field_identifier", "shorthand_property_identifier_pattern", "statement_identifier"]);
const literalTypes = new Set(["string", "template_string", "concatenated_string", "integer", "float", "number", "true", "false", "none", "null", "undefined", "regex"]);

/** A leaf as a path-context sees it: its abstract type and up to two words (first and last sub-word). */
interface Leaf {
  type: string;
  words: readonly string[];
  /** Node types from the leaf's parent up to the child of the current node. */
  chain: string[];
}

function leafOf(node: SyntaxNode): Leaf | undefined {
  if (literalTypes.has(node.type)) return { type: `#${node.type}`, words: [], chain: [] };
  if (!node.isNamed || node.children.length > 0) return undefined;
  if (identifierTypes.has(node.type)) return { type: "#id", words: leafWords(node.text), chain: [] };
  return { type: `#${node.type}`, words: [], chain: [] };
}

/** 32-bit FNV-1a of a string, folded to `bits` bits. */
function bucket(text: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & ((1 << bits) - 1);
}

/** Collects hashed features (value 1: seen). */
class HashedSink {
  readonly features: UnitFeatures = new Map();
  constructor(private readonly bits: number) {}
  add(family: string, text: string): void {
    this.features.set(`${family}:${bucket(text, this.bits)}`, 1);
  }
}

/** Pairs the leaves of nearby children of `node` into path-contexts; returns the leaves passed up. */
function pathContexts(node: SyntaxNode, sink: HashedSink, settings: SyntaxFeatureSettings): Leaf[] {
  const own = leafOf(node);
  if (own) return [own];
  const perChild = node.namedChildren.map((child) => pathContexts(child, sink, settings).filter((leaf) => leaf.chain.length + 1 < settings.maxPathLength).slice(0, settings.maxLeavesPerChild));
  for (let left = 0; left < perChild.length; left++) {
    for (let right = left + 1; right < perChild.length && right - left <= settings.maxPathWidth; right++) {
      for (const a of perChild[left]!) {
        for (const b of perChild[right]!) {
          if (a.chain.length + b.chain.length + 1 > settings.maxPathLength) continue;
          const path = `${a.chain.join("^")}^${node.type}_${[...b.chain].reverse().join("_")}`;
          sink.add("ast", `${a.type}|${path}|${b.type}`);
          for (const first of a.words.length > 0 ? a.words : [a.type]) for (const second of b.words.length > 0 ? b.words : [b.type]) sink.add("asw", `${first}|${path}|${second}`);
        }
      }
    }
  }
  const up: Leaf[] = [];
  for (const leaves of perChild) for (const leaf of leaves) up.push({ ...leaf, chain: [...leaf.chain, node.type] });
  return up;
}

/** Node-type 2- and 3-grams along parent chains, and each identifier word with its parent's and grandparent's types. */
function nodeGrams(root: SyntaxNode, sink: HashedSink): void {
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) stack.push(child);
    if (!node.isNamed || node === root) continue;
    const parent = node.parent;
    const grand = parent && parent !== root ? parent.parent : null;
    if (parent) sink.add("ng", `${parent.type}>${node.type}`);
    if (parent && grand) sink.add("ng", `${grand.type}>${parent.type}>${node.type}`);
    if (identifierTypes.has(node.type) && parent) for (const word of leafWords(node.text)) sink.add("nw", `${word}|${parent.type}|${grand?.type ?? ""}`);
  }
}

/** Every syntax feature of one unit (its node as the unit finder gives it). */
export function syntaxFeatures(node: SyntaxNode, language: Language, settings: SyntaxFeatureSettings = defaultSyntaxSettings): UnitFeatures {
  const sink = new HashedSink(settings.hashBits);
  pathContexts(node, sink, settings);
  nodeGrams(node, sink);
  for (const [family, text] of controlShapes(node, language)) sink.add(family, text);
  return sink.features;
}
