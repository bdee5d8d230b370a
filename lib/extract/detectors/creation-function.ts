import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { callbackCollection, callbackParameter } from "./callback-names";
import { patternMatch, type DetectorContext } from "./detector";
import { expressionBody, functionName, ownReturns, returnedValue } from "./functions";
import { className, methodOf } from "./members";
import { bodyStatements, lastSegment, parameterNames } from "./syntax";

// Language built-ins are values, not products a factory hands out.
const builtIn =
  /^(Promise|Map|Set|WeakMap|WeakSet|WeakRef|Array|Object|String|Number|Boolean|Symbol|Date|RegExp|URL|URLSearchParams|Error|Proxy|Function|Buffer|ArrayBuffer|DataView|BigInt|Intl|TextEncoder|TextDecoder|AbortController|Headers|Request|Response|FormData|Blob|Event|CustomEvent|[A-Z][a-z]+\d*Array|NotImplemented)$/;
const errorName = /(Error|Exception|Warning|Exit|Interrupt)$/;
const productName = /^_?[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*$/;
// A class handed in by the caller or configured on the instance (`cursor(self)`, `self.cursorclass(self)`).
const classVariable = /(class|cls|klass|factory|ctor|constructor)$/i;
const maxStatements = 8;
// Names that say a method's job is making something (`create_connection`, `newSession`, `makeRequestFactory`).
const creationName = /^_*(create|make|new|build|spawn|open|connect|instantiate|produce|construct|generate|get_?instance)(?![a-z])|factory$/i;

/**
 * A function whose work is to create and hand back an object: its last statement returns a
 * new instance of a product class (`return new RetryPolicy(...)`, `return Connection(connector)`,
 * `table = table_class(...); ...; return table`) or of a class its caller chose
 * (`return cursor(self)`). An instance method building another instance of its own class is
 * a copy (builder/prototype), not a factory; a static one is a factory method.
 */
export function creationFunction(context: DetectorContext): PatternMatch | undefined {
  const name = functionName(context.node) ?? "";
  if (/^(__\w+__|constructor)$/.test(name) || context.node.parent?.type === "arguments") return undefined;
  // A property (`@property`, `@DictProperty(...)`, `get cookies()`) is a computed attribute, not a creation call.
  if (isProperty(context)) return undefined;
  const statements = bodyStatements(context.node);
  const body = expressionBody(context.node);
  const last = body ?? statements.at(-1);
  if (!last || statements.length > maxStatements) return undefined;
  const returned = body ?? (last.type === "return_statement" ? returnedValue(last) : undefined);
  if (!returned) return undefined;
  // `this.repositories[name] = new RepositoryClass(this, name); return this.repositories[name]`: made once per key, handed out.
  const value = /^(subscript|subscript_expression)$/.test(returned.type) ? (keptProduct(context, returned.text) ?? returned) : returned;
  const product = productOf(value, context, 0);
  if (!product) return undefined;
  const member = methodOf(context.node, context.family);
  if (member && !member.method.isStatic && !member.method.decorators.includes("classmethod")) {
    if (product.name === className(member.classNode) || product.name === "cls") return undefined;
    // An instance method building a new object around this one is the next node of an
    // expression or a query (`asc()` → `Asc(self)`, `when()` → `new CaseThenBuilder({ ...this.#props })`),
    // not a factory — unless it says so, or the class is the one configured or given.
    const built = value.type === "identifier" ? (localBinding(context, value.text) ?? value) : value;
    if (!product.chosenByCaller && !creationName.test(name) && /\b(self|this)\b/.test(built.text)) return undefined;
  }
  const returns = ownReturns(context.node, context.family).length;
  return patternMatch("factory", product.chosenByCaller ? 0.75 : 0.7, [
    product.chosenByCaller ? `creates an instance of the class it is given (${product.text})` : `returns a new ${product.name}`,
    `its last statement returns it (${Math.max(statements.length, 1)} statement${statements.length > 1 ? "s" : ""}, ${returns} return${returns === 1 ? "" : "s"})`,
  ]);
}

interface Product {
  name: string;
  text: string;
  chosenByCaller: boolean;
}

function productOf(value: SyntaxNode, context: DetectorContext, depth: number): Product | undefined {
  if (depth > 2) return undefined;
  if (/^(parenthesized_expression|await_expression|await|as_expression|non_null_expression)$/.test(value.type) && value.namedChildren[0]) {
    return productOf(value.namedChildren[0], context, depth + 1);
  }
  if (value.type === "identifier") {
    const binding = localBinding(context, value.text);
    return binding ? productOf(binding, context, depth + 1) : undefined;
  }
  // `new Command(async () => ...)`, `new Promise((resolve) => ...)`: wrapping behaviour, not assembling a product.
  if (/^(new_expression|call)$/.test(value.type) && value.childForFieldName("arguments")?.namedChildren.some((argument) => /^(arrow_function|function_expression|function|lambda)$/.test(argument.type))) {
    return undefined;
  }
  if (value.type === "new_expression") {
    const constructor = value.childForFieldName("constructor")?.text ?? "";
    const name = lastSegment(constructor);
    if (/^(this|self)\.constructor$/.test(constructor)) return undefined;
    if (classVariable.test(name) && !productName.test(name)) return { name, text: constructor, chosenByCaller: true };
    // `const RepositoryClass = this.config.getRepositoryClass(meta.repository); new RepositoryClass(…)`: a configured class.
    const configured = /^[\w$]+$/.test(constructor) ? localBinding(context, constructor) : undefined;
    if (configured && /(class|cls|klass|ctor|constructor)(\(.*\))?$/is.test(configured.text) && /^(call|call_expression|member_expression|attribute)$/.test(configured.type)) {
      return { name, text: `${constructor} (${configured.text.slice(0, 40)})`, chosenByCaller: true };
    }
    if (!productName.test(name) || builtIn.test(name) || errorName.test(name)) return undefined;
    return { name, text: constructor, chosenByCaller: false };
  }
  if (value.type === "object") return closureObject(value);
  if (value.type !== "call" && value.type !== "call_expression") return undefined;
  const callee = value.childForFieldName("function");
  if (!callee || /\(/.test(callee.text)) return undefined;
  const calleeText = callee.text;
  const name = lastSegment(calleeText);
  if (calleeText === "cls") return { name: "cls", text: calleeText, chosenByCaller: false };
  if (productName.test(name) && !errorName.test(name) && !builtIn.test(name) && /^[\w.]+$/.test(calleeText) && !/^(self|cls|this)\./.test(calleeText)) {
    return { name, text: calleeText, chosenByCaller: false };
  }
  // `return Name.from_text(text)` / `return cls.from_dict(d)`: an alternative constructor of a class builds it.
  const receiver = calleeText.includes(".") ? calleeText.slice(0, calleeText.lastIndexOf(".")) : "";
  if ((productName.test(receiver) || receiver === "cls") && alternativeConstructor.test(name) && !errorName.test(receiver)) return { name: receiver, text: calleeText, chosenByCaller: false };
  if (calleeText === "type" && (value.childForFieldName("arguments")?.namedChildren.length ?? 0) === 3) return { name: "class", text: "type(name, bases, namespace)", chosenByCaller: false };
  const chosen = chosenClass(context, calleeText, name);
  if (chosen) return chosen;
  const fromCaller = parameterNames(context.node).includes(calleeText) || /^(self|cls)\.\w+$/.test(calleeText) || localBinding(context, calleeText) !== undefined;
  if (fromCaller && classVariable.test(name) && !/^(__class__|type)$/.test(name)) return { name, text: calleeText, chosenByCaller: true };
  // In Python `cursor(self)` hands this object to a class given in; in JS `func(this)` is a callback.
  if (context.family === "python" && fromCaller && parameterNames(context.node).includes(calleeText) && passesSelf(value)) return { name, text: calleeText, chosenByCaller: true };
  return undefined;
}

/**
 * `cls = get_rdata_class(rdtype); return cls.from_text(...)` / `klass = registry[name]; return klass(...)`:
 * a class looked up from the input, then constructed (directly or through an alternative constructor).
 */
function chosenClass(context: DetectorContext, calleeText: string, name: string): Product | undefined {
  const receiver = calleeText.includes(".") ? calleeText.slice(0, calleeText.lastIndexOf(".")) : calleeText;
  if (!/^\w+$/.test(receiver) || (receiver !== calleeText && !alternativeConstructor.test(name))) return undefined;
  const binding = localBinding(context, receiver);
  if (!binding) return undefined;
  // `handler = self.handlers[name]; return handler(request)`: a registered callback called, not a class made.
  if (!classVariable.test(receiver) && (callbackParameter.test(receiver) || callbackCollection.test(binding.text))) return undefined;
  const lookedUp = /^(subscript|subscript_expression)$/.test(binding.type)
    || (/^(call|call_expression)$/.test(binding.type) && /(class|cls|type|factory|\.get)$/i.test(binding.childForFieldName("function")?.text ?? ""));
  return lookedUp ? { name: receiver, text: `${binding.text.slice(0, 40)} → ${calleeText}(...)`, chosenByCaller: true } : undefined;
}

const alternativeConstructor = /^(from_\w+|from[A-Z]\w*|create\w*|make\w*|new\w*|build\w*|__new__|of|parse)$/;

/** `cursor(self)`: a class handed in is constructed around this object. */
function passesSelf(call: SyntaxNode): boolean {
  const first = call.childForFieldName("arguments")?.namedChildren[0];
  return first?.text === "self" || first?.text === "this";
}

/** `return { get() {...}, set(v) {...} }`: a new object whose methods close over the function's state (a JS factory function). */
function closureObject(value: SyntaxNode): Product | undefined {
  const members = value.namedChildren.filter(
    (member) => member.type === "method_definition" || (member.type === "pair" && /^(arrow_function|function_expression|function)$/.test(member.childForFieldName("value")?.type ?? "")),
  );
  return members.length >= 2 ? { name: `object with ${members.length} methods`, text: "{ ... }", chosenByCaller: false } : undefined;
}

/** The value stored under the returned subscript earlier in the unit (`this.map[key] = new X()`), if any. */
function keptProduct(context: DetectorContext, target: string): SyntaxNode | undefined {
  for (const node of context.find(context.family === "python" ? ["assignment"] : ["assignment_expression"])) {
    if (node.childForFieldName("left")?.text === target) return node.childForFieldName("right") ?? undefined;
  }
  return undefined;
}

/** The value a local was last bound to in the unit (`table = table_class(...)`). */
function localBinding(context: DetectorContext, name: string): SyntaxNode | undefined {
  if (!/^[\w$]+$/.test(name)) return undefined;
  const python = context.family === "python";
  let found: SyntaxNode | undefined;
  for (const node of context.find(python ? ["assignment"] : ["variable_declarator", "assignment_expression"])) {
    const left = (node.childForFieldName("left") ?? node.childForFieldName("name"))?.text;
    const value = node.childForFieldName("right") ?? node.childForFieldName("value");
    if (left === name && value) found = value;
  }
  return found;
}

function isProperty(context: DetectorContext): boolean {
  if (context.family !== "python") return context.node.type === "method_definition" && context.node.children.some((child) => child.type === "get");
  return (methodOf(context.node, context.family)?.method.decorators ?? []).some((decorator) => /(^|\.)\w*property(\(.*\))?$/is.test(decorator));
}
