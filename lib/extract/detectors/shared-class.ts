import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { DetectorContext, patternMatch } from "./detector";
import { className, classNamed } from "./members";
import { sharedInstanceAccessor } from "./shared-instance";
import { classMethods, parameterNames } from "./syntax";
import { perTree } from "./per-tree";

/**
 * A class whose instance is shared: a class-level method hands out stored instances
 * (`static of(id)` finding or creating one in `this.instances`), or the module creates its
 * one instance at import (`MasterRegistry = _MasterRegistry()`, `export default new Store()`)
 * and nothing else in the file constructs it, with the instance's methods exported as the
 * module's functions or the class kept private behind it.
 */
export function classWithSharedInstance(context: DetectorContext): PatternMatch | undefined {
  for (const method of classMethods(context.node)) {
    const classLevel = method.isStatic || method.name === "__new__" || method.decorators.includes("classmethod");
    if (!classLevel) continue;
    const accessor = sharedInstanceAccessor(new DetectorContext({ ...context.input, node: method.node }));
    if (accessor) return patternMatch("singleton", accessor.confidence, [`${method.name}() hands out the shared instance`, ...accessor.evidence]);
  }
  return singletonMaker(context) ?? sharedState(context) ?? moduleInstance(context);
}

/** The Borg (monostate): `__init__` points every instance's `__dict__` at one class-level dict. */
function sharedState(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python") return undefined;
  const init = classMethods(context.node).find((method) => method.name === "__init__");
  const shared = init && /\bself\.__dict__\s*=\s*((self\.|cls\.|[A-Z_]\w*\.)?_*\w*shared\w*|[\w.]+)/.exec(init.node.text);
  if (!shared || /^(kwargs|state|dict\()/.test(shared[1]!)) return undefined;
  return patternMatch("singleton", 0.75, [`every instance shares one state: self.__dict__ = ${shared[1]}`, "a monostate (Borg) singleton"]);
}

/** `class Config(metaclass=Singleton)` / `class Config(Singleton)` where the metaclass or base of the file hands out one instance. */
function singletonMaker(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python") return undefined;
  const written = context.node.childForFieldName("superclasses")?.namedChildren ?? [];
  for (const base of written) {
    const name = (base.type === "keyword_argument" ? base.childForFieldName("value")?.text : base.text) ?? "";
    const owner = /^[A-Za-z_]\w*$/.test(name) ? classNamed(context.node, name, context.family) : undefined;
    if (!owner || owner.id === context.node.id) continue;
    const maker = classMethods(owner).find((method) => (method.name === "__call__" || method.name === "__new__") && sharedInstanceAccessor(new DetectorContext({ ...context.input, node: method.node })));
    if (maker) return patternMatch("singleton", 0.8, [`${base.type === "keyword_argument" ? "metaclass" : "base"} ${name}.${maker.name}() hands out one shared instance per class`]);
  }
  return undefined;
}

function moduleInstance(context: DetectorContext): PatternMatch | undefined {
  const name = className(context.node);
  if (!name || context.node.parent?.type === "block" || context.node.parent?.type === "statement_block") return undefined;
  const root = context.node.tree.rootNode;
  const instance = moduleInstances(root, context.family).get(name);
  if (!instance || countConstructions(context.input.source, name) !== 1) return undefined;
  const aliases = root.namedChildren.filter((statement) => new RegExp(`^[\\w$]+\\s*=\\s*${escape(instance)}\\.[\\w$]+\\s*$`).test(statement.text)).length;
  const exported = instance === "default" || instance === "module.exports";
  const hidden = /^_/.test(name) && !/^_/.test(instance);
  // `utc = UTC()`: built without arguments, the one instance is the module's, not a value among many.
  const bare = new RegExp(`(?:new\\s+)?${escape(name)}\\s*\\(\\s*\\)`).test(context.input.source) && takesNothing(context.node);
  if (!exported && !hidden && aliases === 0 && !bare) return undefined;
  const evidence = [`the module creates its one instance: ${instance === "default" ? "export default" : instance} = ${name}()`, `nothing else in the file constructs ${name}`];
  if (aliases > 0) evidence.push(`${aliases} module functions are the instance's bound methods`);
  return patternMatch("singleton", aliases > 0 || exported ? 0.75 : 0.65, evidence);
}

/** A class whose constructor takes nothing but the instance: it cannot be configured into different values. */
function takesNothing(classNode: SyntaxNode): boolean {
  const constructor = classMethods(classNode).find((method) => method.name === "__init__" || method.name === "constructor");
  return !constructor || parameterNames(constructor.node).filter((name) => name !== "self").length === 0;
}

function countConstructions(text: string, name: string): number {
  // `class Name(Base):` defines it; every other `Name(` / `new Name(` constructs it.
  const pattern = new RegExp(`(?<![\\w$.]|class\\s+)${escape(name)}\\s*\\(`, "g");
  return [...text.matchAll(pattern)].length;
}

/**
 * Module-level constructions of a file, class name → the name bound to it (`utc = UTC()` → UTC: utc;
 * `export default new Store()` → Store: default), read once per tree.
 */
const moduleInstances = perTree((root) => {
  const instances = new Map<string, string>();
  const construction = /^(?:new\s+)?(_*[A-Z][\w$]*)\s*\(/;
  for (const statement of root.namedChildren) {
    const text = statement.text;
    const python = statement.type === "expression_statement" ? /^([A-Za-z_]\w*)\s*=\s*(.*)$/s.exec(text) : null;
    const declared = /^(?:export\s+)?(?:const|let|var)\s+([\w$]+)\s*=\s*(.*)$/s.exec(text);
    const exported = statement.type === "export_statement" ? /^export\s+default\s+(new\s.*)$/s.exec(text) : null;
    const commonJs = /^module\.exports\s*=\s*(.*)$/s.exec(text);
    const [instance, value] = python ? [python[1]!, python[2]!] : declared ? [declared[1]!, declared[2]!] : exported ? ["default", exported[1]!] : commonJs ? ["module.exports", commonJs[1]!] : [undefined, undefined];
    const built = value === undefined ? undefined : construction.exec(value.trim())?.[1];
    if (instance && built && !instances.has(built)) instances.set(built, instance);
  }
  return instances;
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
