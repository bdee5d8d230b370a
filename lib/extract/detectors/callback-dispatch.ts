import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet } from "./detector";
import { callbackParameter } from "./callback-names";
import type { Notification, Removal } from "./callback-registry";
import { calleeText, type Family } from "./syntax";

/**
 * Indexed loops calling each element: `for (let i = 0; i < hooks.length; i++) hooks[i](...args)`,
 * `for i in range(len(handlers)): handlers[i](event)`.
 */
export function indexedNotificationsIn(find: (types: string[]) => SyntaxNode[], family: Family, holdsCallbacks: (collection: string) => boolean): Notification[] {
  const found: Notification[] = [];
  for (const loop of find(["for_statement"])) {
    const header = family === "python" ? loop.childForFieldName("right")?.text ?? "" : (loop.childForFieldName("condition") ?? loop.childForFieldName("test"))?.text ?? "";
    const bound = family === "python" ? /^range\(\s*(?:\d+\s*,\s*)?len\(([\w$.#]+)\)\s*\)$/.exec(header) : /^[\w$]+\s*<\s*([\w$.#]+)\.length$/.exec(header);
    const index = family === "python" ? loop.childForFieldName("left")?.text : /^([\w$]+)\s*</.exec(header)?.[1];
    const body = loop.childForFieldName("body");
    // Python's `for x in …` is not an indexed loop: only `range(len(X))` is.
    if (!index || !body || (family === "python" && !bound)) continue;
    // `for (let i = 0; i < len; i++) listeners[i](...)`: the bound kept in a local; the element called names the collection.
    // `listeners[i].fn.call(ctx, a1)`: the function a listener record holds, when the collection holds callbacks by its name.
    const indexed = new RegExp(`^([\\w$.#]+)\\[${index.replace(/\$/g, "\\$")}\\](\\.[\\w$]+)?(\\.call|\\.apply)?$`);
    let member = false;
    const call = body.descendantsOfType(family === "python" ? ["call"] : ["call_expression"]).find((candidate) => {
      const callee = indexed.exec(calleeText(candidate));
      if (callee === null || (bound && callee[1] !== bound[1])) return false;
      // `pres[i].fn.apply(context, args)`: the function a record holds, applied, is the element's callback.
      member = callee[2] !== undefined && !/^\.(call|apply)$/.test(callee[2]) && callee[3] === undefined;
      return !member || (holdsCallbacks(callee[1]!.split(".").pop()!) && !/^\.(add|discard|remove|append|pop|push|get|set|has|delete|clear|update|indexOf|splice)$/.test(callee[2]!));
    });
    if (!call) continue;
    const collection = bound?.[1] ?? indexed.exec(calleeText(call))![1]!;
    const passesArguments = (call.childForFieldName("arguments")?.namedChildren.length ?? 0) > 0;
    found.push({ collection, iterated: collection, text: snippet(call.text, 50), direct: !member, passesArguments, node: loop });
  }
  return found;
}

/** `del self._listeners[i]`, `delete this.handlers[name]`: an entry of an instance collection deleted (the unregister half). */
export function deletionsIn(scope: SyntaxNode, family: Family): Removal[] {
  const found: Removal[] = [];
  const statements = family === "python" ? scope.descendantsOfType("delete_statement") : scope.descendantsOfType("unary_expression").filter((node) => node.children[0]?.type === "delete");
  for (const statement of statements) {
    const collection = /^(?:del|delete)\s+\(*(?:self|this)\.([#\w$]+)\s*\[/.exec(statement.text)?.[1];
    if (collection) found.push({ collection: `@${collection}`, text: snippet(statement.text, 50), node: statement });
  }
  return found;
}

/**
 * How a method hands a registered-callback collection to another function to call
 * (`callHooks(this._hooks[name], args)`, `callEachWith(this._before, event)`), else undefined.
 */
export function handedOver(method: SyntaxNode, collections: Set<string>, family: Family): string | undefined {
  const self = family === "python" ? "self" : "this";
  const text = method.text;
  for (const collection of collections) {
    // `@on_*`: the attributes a registry chooses by event name (`getattr(self, "on_" + trigger)`).
    if (collection === "@*") continue;
    const attribute = collection.slice(1).replace(/[$]/g, "\\$").replace(/\*$/, "\\w+");
    const direct = new RegExp(`[(,]\\s*(?:\\[\\.\\.\\.)?${self}\\.${attribute}\\b(?!\\s*(?:=[^=]|\\.(?:push|append|add|set|remove|splice|indexOf|length)\\b))`);
    const local = new RegExp(`\\b(?:const|let|var)?\\s*([A-Za-z_$][\\w$]*)\\s*=\\s*${self}\\.${attribute}\\b`).exec(text)?.[1];
    const passed = direct.exec(text) ?? (local ? new RegExp(`[(,]\\s*(?:\\[\\.\\.\\.)?${local.replace(/\$/g, "\\$")}\\b(?:\\.slice\\(\\)|\\.copy\\(\\))?\\s*[,)]`).exec(text) : null);
    if (!passed) continue;
    const start = passed.index;
    const callee = /([\w$.]+)\s*\($/.exec(text.slice(Math.max(0, start - 60), start + 1))?.[1] ?? "";
    if (!callee || /^(len|bool|list|tuple|set|frozenset|dict|sorted|reversed|iter|next|enumerate|zip|any|all|min|max|sum|str|repr|print|copy|isinstance|Array\.isArray|Object\.\w+|in|for|if|and|or|not|return|await|yield)$/.test(callee)) continue;
    return `hands the registered callbacks (${collection.slice(1)}) to ${callee}() to call`;
  }
  return undefined;
}

/** Locals bound to a field of an element (`const post = currentPost.fn`), called as the element's function. */
export function heldFunctions(body: SyntaxNode, elements: string[]): string[] {
  const held: string[] = [];
  for (const binding of body.descendantsOfType(["variable_declarator", "assignment"])) {
    const name = (binding.childForFieldName("name") ?? binding.childForFieldName("left"))?.text ?? "";
    const value = (binding.childForFieldName("value") ?? binding.childForFieldName("right"))?.text ?? "";
    const match = /^([\w$]+)\.(fn|func|function|callback|handler|listener|hook|cb)$/.exec(value);
    if (match && elements.includes(match[1]!) && /^[\w$]+$/.test(name)) held.push(name);
  }
  return held;
}

/** Whether a call's result replaces one of its own arguments (`value = step(value)`, `handler = m(handler)`). */
export function composes(call: SyntaxNode): boolean {
  const parent = call.parent;
  if (!parent || !/^(assignment|assignment_expression)$/.test(parent.type) || parent.childForFieldName("right")?.id !== call.id) return false;
  const target = parent.childForFieldName("left")?.text ?? "";
  const argumentsText = call.childForFieldName("arguments")?.text ?? "";
  // Only what is built is a handler (`handler`, `app`, `next`): `response = hook(response)` is still each hook notified.
  if (!/^[\w$]+$/.test(target) || !(callbackParameter.test(target) || /app|middleware|next|wrapped|inner|dispatch/i.test(target))) return false;
  return new RegExp(`(^|[^\\w$.])${target.replace(/\$/g, "\\$")}\\b`).test(argumentsText);
}
