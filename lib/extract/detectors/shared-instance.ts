import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { DetectorContext, patternMatch, snippet } from "./detector";
import { ownReturns, returnedValue } from "./functions";
import { className, classNamed, methodOf } from "./members";
import { classMethods, lastSegment } from "./syntax";

/**
 * A function that hands out one shared instance: it looks in a holder that outlives the
 * call — a class attribute (`cls._shared_instances[key]`, `Turtle._screen`, `this.instances`
 * in a static method, `getattr(cls, name)`), a module-level context/thread-local variable
 * (`_current_context_var.get()`) — and stores a newly created object there when it is
 * missing (before or after returning the stored one). Also a `__new__` that hands its
 * arguments to such a `__new__` of a class in the same file.
 */
export function sharedInstanceAccessor(context: DetectorContext): PatternMatch | undefined {
  return storedInHolder(context) ?? delegatedNew(context);
}

function storedInHolder(context: DetectorContext): PatternMatch | undefined {
  const found = stores(context);
  if (found.length === 0) return undefined;
  for (const store of found) {
    const holder = store.holder;
    if (!isSharedHolder(context, holder)) continue;
    const checked = checksHolder(context, holder);
    if (!checked) continue;
    const returned = ownReturns(context.node, context.family).some((statement) => {
      const value = returnedValue(statement)?.text ?? "";
      if (holder.startsWith("attribute of ")) return value.startsWith("getattr(");
      return value.startsWith(holder) || (store.local !== undefined && value === store.local) || value.includes(`${holder}.get(`);
    });
    const classLevel = !/^[\w$]+$/.test(holder);
    if (!returned && !classLevel) continue;
    const evidence = [`creates and stores ${snippet(store.text, 50)} when ${holder} has none (${checked})`];
    evidence.push(returned ? `returns the shared instance from ${holder}` : `${holder} is shared by every instance`);
    return patternMatch("singleton", returned ? 0.8 : 0.65, evidence);
  }
  return undefined;
}

interface Store {
  holder: string;
  text: string;
  /** The local the created object was bound to first (`bus = X(); cls._shared[k] = bus`). */
  local?: string;
}

const classReceiver = /^(cls|self\.__class__|type\(self\)|_*[A-Z][\w$]*)$/;
// A slot that by its name holds the one shared instance, whatever object carries it (`registration.instance`).
const sharedSlot = /^[#_]*(instance|singleton|shared_?instance|default_?instance|global_?instance)$/i;

/** Whether a holder outlives the call: an attribute of the class or of another class, a module-level variable. */
function isSharedHolder(context: DetectorContext, holder: string): boolean {
  const attribute = /^attribute of (.+)$/.exec(holder);
  if (attribute) return classReceiver.test(attribute[1]!);
  const dot = holder.lastIndexOf(".");
  if (dot < 0) return moduleVariables(context).includes(holder);
  const object = holder.slice(0, dot);
  const property = holder.slice(dot + 1);
  if (!property || /^(prototype|__new__|__init__|name|length)$/.test(property)) return false;
  if (classReceiver.test(object) || (sharedSlot.test(property) && !/^(self|this)$/.test(object))) return true;
  const member = object === "this" ? methodOf(context.node, context.family) : undefined;
  return member !== undefined && (member.method.isStatic || member.method.decorators.includes("classmethod"));
}

/** Module-level names the unit reads with `.get()` and writes with `.set(x)` (context and thread-local variables). */
function moduleVariables(context: DetectorContext): string[] {
  // A slot holds one value (`var.set(value)`); a keyed `map.set(key, value)` is a cache, not a shared instance.
  const slotCalls = context.calls().filter((call) => call.name === "get" || (call.name === "set" && (call.node.childForFieldName("arguments")?.namedChildren.length ?? 0) === 1));
  const receivers = slotCalls.map((call) => call.callee.slice(0, -4));
  return [...new Set(receivers)].filter((receiver) => /^_*[a-z][\w$]*$/.test(receiver) && receivers.filter((other) => other === receiver).length >= 2 && isModuleLevel(context.node, receiver));
}

function isModuleLevel(node: SyntaxNode, name: string): boolean {
  const root = node.tree.rootNode;
  return root.namedChildren.some((statement) => {
    const assignment = statement.type === "expression_statement" ? statement.namedChildren[0] : statement;
    if (assignment?.type === "assignment") return assignment.childForFieldName("left")?.text === name;
    if (/^(lexical_declaration|variable_declaration)$/.test(assignment?.type ?? "")) return assignment!.namedChildren.some((declarator) => declarator.childForFieldName("name")?.text === name);
    return false;
  });
}

/** Where the unit stores a created object: `H = X()`, `H[k] = local`, `H.set(x)`, `H.push(x)`, `setattr(cls, n, cls())`. */
function stores(context: DetectorContext): Store[] {
  const found: Store[] = [];
  let createdCache: Set<string> | undefined;
  const created = () => (createdCache ??= createdLocals(context));
  for (const assignment of context.find(context.family === "python" ? ["assignment"] : ["assignment_expression", "augmented_assignment_expression"])) {
    // `Shared.#shared ??= new Shared()` stores only when unset; `+=` and the like store nothing new.
    if (assignment.type === "augmented_assignment_expression" && !/^(\?\?=|\|\|=)$/.test(assignment.childForFieldName("operator")?.text ?? "")) continue;
    const target = assignment.childForFieldName("left");
    // Only attributes can be shared holders here (module globals are the module-level rule's).
    if (!target || !/^(attribute|member_expression|subscript|subscript_expression)$/.test(target.type)) continue;
    const left = target.text.replace(/\[.*\]$/s, "");
    if (!left.includes(".") || (/^(self|this)\./.test(left) && !/^(self\.__class__|this\.[#\w$]+$)/.test(left) && !sharedSlot.test(left.split(".").pop() ?? ""))) continue;
    let right = assignment.childForFieldName("right");
    // `_Screen._root = self._root = _Root()`: the value is the innermost right-hand side.
    while (right && /^(assignment|assignment_expression)$/.test(right.type)) right = right.childForFieldName("right");
    if (!right) continue;
    if (isCreation(right)) found.push({ holder: left, text: assignment.text });
    else if (created().has(right.text)) found.push({ holder: left, text: assignment.text, local: right.text });
  }
  for (const call of context.calls()) {
    const argumentNodes = call.node.childForFieldName("arguments")?.namedChildren ?? [];
    const last = argumentNodes.at(-1);
    if (!last) continue;
    if (/^(set|push|append|setdefault|add)$/.test(call.name) && (isCreation(last) || created().has(last.text))) {
      found.push({ holder: call.callee.slice(0, -(call.name.length + 1)), text: call.node.text, local: created().has(last.text) ? last.text : undefined });
    }
    if (call.callee === "setattr" && isCreation(last)) found.push({ holder: `attribute of ${argumentNodes[0]?.text ?? ""}`, text: call.node.text });
  }
  return found;
}

/** Locals bound to a creation (`context = Context()`, `bus = BusConnection.__new__(subclass)`). */
function createdLocals(context: DetectorContext): Set<string> {
  const names = new Set<string>();
  for (const node of context.find(context.family === "python" ? ["assignment"] : ["variable_declarator", "assignment_expression"])) {
    const name = (node.childForFieldName("left") ?? node.childForFieldName("name"))?.text ?? "";
    const value = node.childForFieldName("right") ?? node.childForFieldName("value");
    if (/^[\w$]+$/.test(name) && value && isCreation(value)) names.add(name);
  }
  return names;
}

function isCreation(value: SyntaxNode): boolean {
  if (value.type === "new_expression") return true;
  if (value.type !== "call" && value.type !== "call_expression") return false;
  const callee = value.childForFieldName("function")?.text ?? "";
  const name = lastSegment(callee);
  // `super().__call__(*args)` in a metaclass creates the instance; `super().__new__(cls)` in a class.
  return /^_*[A-Z]/.test(name) || name === "__new__" || name === "__call__" || callee === "cls" || /^(create|make|new|construct)\w*$/i.test(name);
}

/** How the unit tells whether the holder is empty, or undefined when it never does. */
function checksHolder(context: DetectorContext, holder: string): string | undefined {
  if (holder.startsWith("attribute of ")) {
    return context.calls().some((call) => call.callee === "hasattr" || call.callee === "getattr") ? "hasattr/getattr" : undefined;
  }
  for (const guard of context.find(["if_statement", "ternary_expression", "conditional_expression"])) {
    const condition = (guard.childForFieldName("condition") ?? guard.namedChildren[0])?.text ?? "";
    if (condition.includes(holder)) return `checks ${snippet(condition, 40)}`;
  }
  const text = context.node.text;
  if (text.includes(`${holder} ??=`) || text.includes(`${holder} ||=`)) return "assigns only when unset";
  // `registration.instance || (registration.instance = construct())`
  if (text.includes(`${holder} ||`) || text.includes(`${holder} ??`)) return "creates it only when unset";
  const lookupFails = context.find(context.family === "python" ? ["except_clause"] : ["catch_clause"]).some((handler) => /LookupError|KeyError|AttributeError/.test(handler.text) || context.family === "js");
  if (lookupFails && context.calls().some((call) => call.callee === `${holder}.get`)) return "a failed lookup creates it";
  const found = context.calls().find((call) => call.callee === `${holder}.find` || call.callee === `${holder}.get`);
  return found ? `looks it up with ${found.name}()` : undefined;
}

/** `SystemBus.__new__` returning `Bus.__new__(cls, ...)` where `Bus.__new__` hands out shared instances. */
function delegatedNew(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python" || context.node.childForFieldName("name")?.text !== "__new__") return undefined;
  for (const statement of ownReturns(context.node, context.family)) {
    const target = /^([A-Z_]\w*)\.__new__\(\s*cls\b/.exec(returnedValue(statement)?.text ?? "")?.[1];
    if (!target) continue;
    const owner = classNamed(context.node, target, context.family);
    const method = owner && classMethods(owner).find((candidate) => candidate.name === "__new__");
    if (method && method.node.id !== context.node.id && sharesInstances(method.node, context)) {
      return patternMatch("singleton", 0.75, [`hands construction to ${className(owner)}.__new__`, `which returns a shared instance per key`]);
    }
  }
  return undefined;
}

const sharing = new WeakMap<SyntaxNode, boolean>();

function sharesInstances(node: SyntaxNode, context: DetectorContext): boolean {
  let shares = sharing.get(node);
  if (shares === undefined) {
    shares = storedInHolder(new DetectorContext({ ...context.input, node })) !== undefined;
    sharing.set(node, shares);
  }
  return shares;
}
