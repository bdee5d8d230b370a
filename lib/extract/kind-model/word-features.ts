import { splitIdentifier } from "@/lib/words";
import { classMethods, instanceAttribute, lastSegment, parameterNames, pythonDecorators, isSelfName } from "../detectors/syntax";
import { className, enclosingClass } from "../detectors/members";
import type { DetectorContext } from "../detectors/detector";
import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { FeatureSink } from "./feature-sink";

// Words too common in code to say anything about a kind on their own.
const ignoredWords = new Set(["self", "this", "cls", "the", "a", "an", "of", "to", "in", "is", "js", "py", "x", "e", "i", "n", "k", "v", "t", "s"]);

// Words of a docstring's first sentence that say nothing of what the unit is.
const proseFiller = new Set(
  "the and for with that this from into are was were will can may not its has have been but all any one when which who what then than there their them should must would could also only just such other each some more most very return returns given used use using called see note default true false none null new object value".split(" "),
);

/**
 * A light stem so that `retries`, `retrying`, `retried` and `retry` are one feature:
 * plural and verb endings only (identifier words are short and mostly English).
 */
export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ied")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ying")) return word.slice(0, -3);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("ers") && word.length > 5) return word.slice(0, -1);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

// The same identifiers (`self`, `len`, `value`, a file's own names) come back unit after unit.
const wordsOfIdentifier = new Map<string, readonly string[]>();

/** The stemmed words of an identifier, common filler removed (a shared list: do not change it). */
export function identifierWords(identifier: string): readonly string[] {
  let words = wordsOfIdentifier.get(identifier);
  if (!words) {
    words = splitIdentifier(identifier.replace(/^#/, ""))
      .filter((word) => !ignoredWords.has(word) && !/^\d+$/.test(word))
      .map(stemWord);
    // Bounded like the lexicon's cache: it grows only with distinct identifiers.
    if (wordsOfIdentifier.size < 200_000) wordsOfIdentifier.set(identifier, words);
  }
  return words;
}

// `prefix` → identifier → its feature names (`c:retry`, ...): made once, so a unit's features
// are strings already hashed by earlier units' lookups, not new concatenations.
const featureNamesByPrefix = new Map<string, Map<string, readonly string[]>>();

function wordFeatureNames(prefix: string, identifier: string): readonly string[] {
  let byIdentifier = featureNamesByPrefix.get(prefix);
  if (!byIdentifier) featureNamesByPrefix.set(prefix, (byIdentifier = new Map()));
  let names = byIdentifier.get(identifier);
  if (!names) {
    names = identifierWords(identifier).map((word) => `${prefix}:${word}`);
    if (byIdentifier.size < 200_000) byIdentifier.set(identifier, names);
  }
  return names;
}

function addWords(sink: FeatureSink, prefix: string, identifier: string): void {
  for (const name of wordFeatureNames(prefix, identifier)) sink.flag(name);
}

// The words of a class's method names and stored attributes, computed once per class node.
const classWordsByNode = new WeakMap<SyntaxNode, { methods: string[]; attributes: string[] }>();

function classWords(classNode: SyntaxNode): { methods: string[]; attributes: string[] } {
  let words = classWordsByNode.get(classNode);
  if (!words) {
    const methods = new Set(classMethods(classNode).flatMap((method) => identifierWords(method.name)));
    const attributes = new Set<string>();
    for (const left of classNode.descendantsOfType(["assignment", "assignment_expression"])) {
      const target = left.childForFieldName("left")?.text ?? "";
      const attribute = instanceAttribute(target);
      if (attribute) for (const word of identifierWords(attribute)) attributes.add(word);
    }
    words = { methods: [...methods], attributes: [...attributes] };
    classWordsByNode.set(classNode, words);
  }
  return words;
}

/**
 * Word features of one unit: its own name (`n:`), its class's name (`k:`), the names of the
 * class's methods (`m:`) and stored attributes (`a:`), what it calls (`c:`), its parameters
 * (`p:`), decorators (`d:`), bases (`b:`), raised and caught names (`r:`, `x:`) and the first
 * sentence of its docstring (`doc:`).
 */
export function addWordFeatures(context: DetectorContext, sink: FeatureSink): void {
  const { unit } = context.input;
  addWords(sink, "n", unit.name);
  const owner = context.isClass ? context.node : enclosingClass(context.node, context.family);
  if (owner) {
    addWords(sink, "k", className(owner));
    const words = classWords(owner);
    for (const word of words.methods) sink.flag(`m:${word}`);
    for (const word of words.attributes) sink.flag(`a:${word}`);
  }
  for (const call of context.calls()) addWords(sink, "c", lastSegment(call.callee));
  for (const parameter of parameterNames(context.node)) if (!isSelfName(parameter)) addWords(sink, "p", parameter);
  for (const decorator of [...unit.decorators, ...pythonDecorators(context.node)]) addWords(sink, "d", decorator.split("(")[0] ?? "");
  for (const base of unit.bases) addWords(sink, "b", base.replace(/[<(\[].*$/s, ""));
  for (const raised of context.find(context.family === "python" ? ["raise_statement"] : ["throw_statement"])) {
    const name = /([A-Z]\w*)/.exec(raised.text)?.[1];
    if (name) addWords(sink, "r", name);
  }
  for (const caught of context.find(context.family === "python" ? ["except_clause"] : ["catch_clause"])) {
    const name = /([A-Z]\w*)/.exec(caught.text.split(":")[0] ?? "")?.[1];
    if (name) addWords(sink, "x", name);
  }
  const summary = (unit.docstring ?? "").trim().split(/\.\s|\n\s*\n/)[0] ?? "";
  for (const word of summary.toLowerCase().match(/[a-z]{3,}/g) ?? []) if (!proseFiller.has(word)) sink.flag(`doc:${stemWord(word)}`);
}
