import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { DetectorContext, type DetectDesignPatternsInput } from "./detector";
import { promiseConversion } from "./promise-conversion";
import { classMethods, type Family, type MethodInfo } from "./syntax";

/**
 * Methods of a class that call the adaptee inside a try and raise an error of their own from
 * the handler (`except Database.OperationalError as e: raise IntegrityError(*e.args)`): the
 * adaptee's failures translated into the interface's, which a plain wrapper does not do.
 */
export function translatingMethods(methods: readonly MethodInfo[], adaptee: string, family: Family): string[] {
  const call = new RegExp(`\\b(?:self|this)\\.${adaptee.replace("$", "\\$")}\\.[#\\w$]+\\s*\\(`);
  const handlerTypes = family === "python" ? ["except_clause"] : ["catch_clause"];
  const raiseTypes = family === "python" ? ["raise_statement"] : ["throw_statement"];
  return methods
    .filter((method) =>
      method.node.descendantsOfType("try_statement").some((statement) => {
        const body = statement.childForFieldName("body");
        if (!body || !call.test(body.text)) return false;
        return statement.descendantsOfType(handlerTypes).some((handler) => handler.descendantsOfType(raiseTypes).some(raisesAnother));
      }),
    )
    .map((method) => method.name);
}

// `raise IntegrityError(*e.args)`, `throw new TimeoutError(...)`; a bare `raise`/`throw error` re-raises.
function raisesAnother(statement: SyntaxNode): boolean {
  return /^(raise|throw)\s+(new\s+)?[\w$.]*[A-Z][\w$]*\s*\(/.test(statement.text);
}

/**
 * Methods of a class that each turn a callback API into a promise (or back): a database driver
 * whose `connect()`, `query()` and `release()` wrap the driver library's callbacks.
 */
export function convertingMethods(classNode: SyntaxNode, input: DetectDesignPatternsInput): string[] {
  if (!input.source.includes("Promise") && !input.source.includes(".then")) return [];
  return classMethods(classNode)
    .filter((method) => promiseConversion(new DetectorContext({ ...input, node: method.node })) !== undefined)
    .map((method) => method.name);
}
