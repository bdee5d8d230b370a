import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type Detector, type DetectorContext, remembered } from "./detector";
import { ownReturns, returnedValue } from "./functions";
import { classWithSharedInstance } from "./shared-class";
import { sharedInstanceAccessor } from "./shared-instance";
import { classMethods, parameterNames, pythonDecorators } from "./syntax";
import { className, methodOf } from "./members";

/**
 * Singleton: a class that hands out its one instance (`__new__` caching `cls._instance`,
 * a static `getInstance()` storing `new X()` once), or a module-level accessor that creates
 * a global instance once (`global _instance; if _instance is None: _instance = X()`).
 */
export const detectSingleton: Detector = remembered((context) => {
  if (context.isClass) return classSingleton(context) ?? classWithSharedInstance(context);
  return moduleSingleton(context) ?? sharedInstanceAccessor(context) ?? cachedConstructor(context) ?? instanceKeepingNew(context);
});

/** `__new__` handing out an instance its class keeps (`return cls.symbols[name]`), making one only when missing. */
function keptInstance(method: SyntaxNode, className: string): string | undefined {
  const holder = new RegExp(`^(cls|${escape(className)})\\.[\\w]+(\\[|\\.setdefault\\(|\\.get\\()`);
  const values = ownReturns(method, "python").map((statement) => returnedValue(statement)?.text ?? "");
  const kept = values.find((value) => holder.test(value));
  return kept && values.every((value) => holder.test(value) || /^(cls|super\(.*\))\.__new__\(|^(self|instance|obj|inst)$/.test(value)) ? kept : undefined;
}

function instanceKeepingNew(context: DetectorContext): PatternMatch | undefined {
  const member = context.family === "python" ? methodOf(context.node, context.family) : undefined;
  if (!member || member.method.name !== "__new__") return undefined;
  const kept = keptInstance(context.node, className(member.classNode));
  return kept ? patternMatch("singleton", 0.8, [`__new__ returns the instance its class keeps (${snippet(kept, 40)})`, "one instance per key: calling the class twice gives the same object"]) : undefined;
}

/** `@lru_cache() def get_settings(): return Settings()`: a memoised accessor without arguments builds its object once. */
function cachedConstructor(context: DetectorContext): PatternMatch | undefined {
  const cache = pythonDecorators(context.node).find((decorator) => /(^|\.)(lru_cache|cache)(\(.*\))?$/.test(decorator));
  if (!cache || parameterNames(context.node).length > 0) return undefined;
  const built = ownReturns(context.node, context.family)
    .map((statement) => returnedValue(statement))
    .find((value) => value?.type === "call" && /^_*[A-Z]/.test((value.childForFieldName("function")?.text ?? "").split(".").pop() ?? ""));
  return built ? patternMatch("singleton", 0.75, [`@${cache} on an accessor without arguments`, `builds ${snippet(built.text, 40)} once and returns it on every call`]) : undefined;
}

function classSingleton(context: DetectorContext): PatternMatch | undefined {
  const className = context.node.childForFieldName("name")?.text ?? "";
  const selfConstruction = new RegExp(
    `^(super\\(.*\\)|object|cls|${escape(className)})\\.__new__\\(|^(cls|${escape(className)})\\(|^new\\s+(this|${escape(className)})\\b`,
  );
  for (const method of classMethods(context.node)) {
    const kept = context.family === "python" && method.name === "__new__" ? keptInstance(method.node, className) : undefined;
    if (kept) return patternMatch("singleton", 0.8, [`__new__ returns the instance the class keeps (${snippet(kept, 40)})`, "calling the class twice gives the same object"]);
    const classLevel = method.isStatic || method.name === "__new__" || method.decorators.includes("classmethod");
    if (!classLevel) continue;
    const stored = storedSelfInstance(context, method.node, className, selfConstruction);
    if (!stored) continue;
    const returned = ownReturns(method.node, context.family).some((statement) => returnedValue(statement)?.text.startsWith(stored.holder));
    const guarded = method.node.descendantsOfType("if_statement").length > 0 || /\?\?=|\|\|=/.test(stored.text);
    if (!returned || !guarded) continue;
    return patternMatch("singleton", 0.9, [
      `${method.name}() stores ${snippet(stored.text, 50)} once (guarded)`,
      `returns ${stored.holder} on every call`,
    ]);
  }
  return undefined;
}

interface StoredInstance {
  holder: string;
  text: string;
}

function storedSelfInstance(context: DetectorContext, method: SyntaxNode, className: string, construction: RegExp): StoredInstance | undefined {
  const holderPattern = new RegExp(`^(cls|this|${escape(className)})\\.[#\\w$]+$`);
  const assignments = method.descendantsOfType(context.family === "python" ? ["assignment"] : ["assignment_expression", "augmented_assignment_expression"]);
  for (const assignment of assignments) {
    const left = assignment.childForFieldName("left")?.text ?? "";
    const right = assignment.childForFieldName("right")?.text ?? "";
    if (holderPattern.test(left) && construction.test(right)) return { holder: left, text: assignment.text };
  }
  for (const call of method.descendantsOfType("call_expression")) {
    const callee = call.childForFieldName("function")?.text ?? "";
    const argument = call.childForFieldName("arguments")?.namedChildren[1]?.text ?? "";
    if (callee.endsWith(".set") && holderPattern.test(callee.slice(0, -4)) && construction.test(argument)) {
      return { holder: callee.slice(0, -4), text: call.text };
    }
  }
  return undefined;
}

function moduleSingleton(context: DetectorContext): PatternMatch | undefined {
  const parentType = context.node.parent?.type ?? "";
  const moduleLevel = ["module", "program", "export_statement", "decorated_definition"].includes(parentType);
  if (!moduleLevel) return undefined;
  const locals = new Set([...parameterNames(context.node), ...localDeclarations(context)]);
  const globals = new Set(context.find(["global_statement"]).flatMap((statement) => statement.namedChildren.map((name) => name.text)));
  for (const guard of context.find(["if_statement"])) {
    const condition = guard.childForFieldName("condition")?.text ?? "";
    const holder = /^(not\s+|!)?([A-Za-z_$][\w$]*)(\s*(is|===|==)\s*(None|null|undefined))?$/.exec(condition.replace(/^\((.*)\)$/, "$1"))?.[2];
    if (!holder || (locals.has(holder) && !globals.has(holder))) continue;
    const evidence = guardedCreation(context, guard, holder, globals);
    if (evidence) return evidence;
  }
  return undefined;
}

function guardedCreation(context: DetectorContext, guard: SyntaxNode, holder: string, globals: Set<string>): PatternMatch | undefined {
  const python = context.family === "python";
  const creates = guard.descendantsOfType(python ? ["assignment"] : ["assignment_expression"]).find((assignment) => {
    const right = assignment.childForFieldName("right");
    return assignment.childForFieldName("left")?.text === holder && (right?.type === "call" || right?.type === "new_expression");
  });
  const returns = ownReturns(context.node, context.family).some((statement) => returnedValue(statement)?.text === holder);
  if (python && !globals.has(holder) && !(returns && guard.descendantsOfType("call").length > 0)) return undefined;
  if (creates && (returns || globals.has(holder))) {
    const evidence = [`creates module-level ${holder} once: ${snippet(creates.text, 50)}`];
    if (globals.has(holder)) evidence.push(`declares global ${holder}`);
    if (returns) evidence.push(`returns ${holder}`);
    return patternMatch("singleton", returns ? 0.9 : 0.75, evidence);
  }
  if (returns && python) {
    return patternMatch("singleton", 0.65, [`initialises module-level ${holder} when unset`, `returns ${holder}`]);
  }
  return undefined;
}

function localDeclarations(context: DetectorContext): string[] {
  if (context.family === "python") {
    return context.find(["assignment"]).map((assignment) => assignment.childForFieldName("left")?.text ?? "");
  }
  return context.find(["variable_declarator"]).map((declarator) => declarator.childForFieldName("name")?.text ?? "");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") || "\\u0000";
}
