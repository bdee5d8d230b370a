import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type DetectorContext } from "./detector";
import { nestedFunctions, ownReturns, returnedValue } from "./functions";

const readThroughCall = /^(get_?or_?(create|set|compute|add|insert)|getOrCreate|getOrSet|getOrCompute|get_value|remember)$/i;
const creatorKeyword = /^(create\w*|creator|factory|default_factory|compute\w*|loader|load\w*)$/;
const functionTypes = /^(lambda|arrow_function|function_expression|function)$/;

/**
 * A read-through memo: the unit hands back what a store's get-or-create call gives for a key,
 * with the function that computes the value on a miss (`return cache.get_value(key,
 * createfunc=go)`, `return store.getOrSet(key, () => load(id))`).
 */
export function readThrough(context: DetectorContext, scope: SyntaxNode): PatternMatch | undefined {
  const local = new Set(nestedFunctions(scope, context.family).map((node) => node.childForFieldName("name")?.text ?? ""));
  for (const statement of ownReturns(scope, context.family)) {
    let value = returnedValue(statement);
    if (value?.type === "await" || value?.type === "await_expression") value = value.namedChildren[0];
    if (!value || !/^(call|call_expression)$/.test(value.type)) continue;
    const callee = value.childForFieldName("function");
    const name = callee?.childForFieldName("attribute")?.text ?? callee?.childForFieldName("property")?.text;
    if (!name || !readThroughCall.test(name)) continue;
    const creator = (value.childForFieldName("arguments")?.namedChildren ?? []).slice(1).find((argument) => createsValue(argument, local));
    if (creator) return patternMatch("cache_memoize", 0.75, [`hands back ${snippet(callee!.text, 40)}() for a key, computing a miss with ${snippet(creator.text, 30)}`]);
  }
  return undefined;
}

function createsValue(argument: SyntaxNode, local: Set<string>): boolean {
  if (functionTypes.test(argument.type)) return true;
  if (argument.type === "identifier") return local.has(argument.text);
  if (argument.type !== "keyword_argument") return false;
  const value = argument.childForFieldName("value");
  return creatorKeyword.test(argument.childForFieldName("name")?.text ?? "") && !!value && (functionTypes.test(value.type) || local.has(value.text));
}
