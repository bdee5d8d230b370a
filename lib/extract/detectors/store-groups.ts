import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { lastSegment, nodeTypes, type Family } from "./syntax";

/** A scope sharing stores: a class, an ES5 constructor and its prototype, or the module. */
export interface Group {
  /** `class:<node id>`, `es5:<constructor name>` or `module`. */
  key: string;
  /** The class node, the ES5 constructor function (when the file has one), or the root. */
  owner: SyntaxNode | undefined;
  /** Whether its units share `this` or `self` (a class or ES5 prototype). */
  instance: boolean;
}

const es5Method = /^([A-Za-z_$][\w$]*)\.prototype\.[A-Za-z_$][\w$]*$/;

/** The name a unit is known by: a def's or method's name, or the property an ES5 method is assigned to. */
export function unitName(unit: SyntaxNode): string {
  const own = unit.childForFieldName("name")?.text;
  if (own) return own;
  const left = unit.parent?.type === "assignment_expression" ? unit.parent.childForFieldName("left")?.text : undefined;
  return left ? lastSegment(left) : "";
}

/**
 * Which class, ES5 constructor or module each place of a file belongs to, and the unit holding it:
 * the scopes in which callback stores are shared (see `fileStores`).
 */
export class GroupContext {
  private readonly classTypes: readonly string[];
  private readonly functionTypes: readonly string[];
  private readonly units = new Map<string, SyntaxNode[]>();
  private readonly unitGroups = new Map<number, string>();
  private readonly owners = new Map<string, SyntaxNode>();
  private moduleNames?: Set<string>;

  constructor(
    private readonly root: SyntaxNode,
    private readonly family: Family,
  ) {
    this.classTypes = nodeTypes[family].class;
    this.functionTypes = nodeTypes[family].function;
  }

  /** The outermost function holding `node` inside its class, ES5 prototype or module, and that group. */
  unitAndGroup(node: SyntaxNode): { unit: SyntaxNode; group: Group } | undefined {
    let unit: SyntaxNode | undefined;
    for (let current: SyntaxNode | null = node; current; current = current.parent) {
      if (this.classTypes.includes(current.type)) return unit ? this.register(unit, { key: `class:${current.id}`, owner: current, instance: true }) : undefined;
      if (current.type === "assignment_expression" && unit && current.childForFieldName("right")?.id === unit.id) {
        const constructor = es5Method.exec(current.childForFieldName("left")?.text ?? "")?.[1];
        if (constructor) return this.register(unit, { key: `es5:${constructor}`, owner: this.constructorNamed(constructor), instance: true });
      }
      if (this.functionTypes.includes(current.type)) unit = current;
    }
    if (!unit) return undefined;
    const name = unit.childForFieldName("name")?.text;
    // An ES5 constructor (`function Kareem() { this._pres = new Map() }`) shares its prototype's stores.
    if (name && unit.parent?.id === this.root.id && /^[A-Z]/.test(name) && unit.text.includes("this.")) return this.register(unit, { key: `es5:${name}`, owner: unit, instance: true });
    return this.register(unit, { key: "module", owner: undefined, instance: false });
  }

  /** The unit holding `node`, for reading its local bindings. */
  unitOf(node: SyntaxNode): SyntaxNode | undefined {
    return this.unitAndGroup(node)?.unit;
  }

  /** The store key, name and unit of a collection used at `node`, when it is a store (not a local). */
  locate(node: SyntaxNode, collection: string): { key: string; name: string; instance: boolean; unit: SyntaxNode } | undefined {
    const found = this.unitAndGroup(node);
    if (!found) return undefined;
    if (collection.startsWith("@")) {
      const name = collection.slice(1);
      if (!found.group.instance || !/^[#\w$.]*\*?$/.test(name)) return undefined;
      return { key: `${found.group.key}@${name}`, name, instance: true, unit: found.unit };
    }
    if (!/^[A-Za-z_$][\w$]*$/.test(collection) || !this.isModuleName(collection)) return undefined;
    return { key: `module@${collection}`, name: collection, instance: false, unit: found.unit };
  }

  /** Whether a unit is an ES5 constructor owning its prototype's stores. */
  isOwner(unit: SyntaxNode): boolean {
    const key = this.unitGroups.get(unit.id);
    return key !== undefined && this.owners.get(key)?.id === unit.id;
  }

  /** The group key of a unit seen so far (by node id). */
  groupKeyOfUnit(id: number): string | undefined {
    return this.unitGroups.get(id);
  }

  /** The class or ES5 constructor owning a store key (`class:12@_pres`), if it has one. */
  ownerOf(key: string): SyntaxNode | undefined {
    return this.owners.get(key.slice(0, key.indexOf("@")));
  }

  /** The name of a unit seen so far (by node id). */
  nameOf(id: number): string {
    for (const units of this.units.values()) for (const unit of units) if (unit.id === id) return unitName(unit);
    return "";
  }

  /** The units of a class or ES5 prototype (every method, not only those seen so far). */
  unitsOf(group: string): SyntaxNode[] {
    if (group.startsWith("class:")) {
      const owner = this.owners.get(group);
      if (owner) for (const method of owner.childForFieldName("body")?.namedChildren ?? []) this.unitAndGroup(method.type === "decorated_definition" ? method.childForFieldName("definition") ?? method : method);
    }
    if (group.startsWith("es5:")) {
      for (const child of this.root.namedChildren) {
        const assignment = child.type === "expression_statement" ? child.firstNamedChild : null;
        const right = assignment?.type === "assignment_expression" ? assignment.childForFieldName("right") : null;
        if (right && this.functionTypes.includes(right.type) && es5Method.exec(assignment!.childForFieldName("left")?.text ?? "")?.[1] === group.slice(4)) this.unitAndGroup(right);
      }
    }
    return this.units.get(group) ?? [];
  }

  /** The keys of the classes and ES5 constructors seen so far. */
  instanceGroups(): string[] {
    return [...this.units.keys()].filter((key) => key !== "module");
  }

  private register(unit: SyntaxNode, group: Group): { unit: SyntaxNode; group: Group } {
    if (!this.unitGroups.has(unit.id)) {
      this.unitGroups.set(unit.id, group.key);
      if (!this.units.has(group.key)) this.units.set(group.key, []);
      this.units.get(group.key)!.push(unit);
      if (group.owner && !this.owners.has(group.key)) this.owners.set(group.key, group.owner);
    }
    return { unit, group };
  }

  private constructorNamed(name: string): SyntaxNode | undefined {
    return this.root.namedChildren.find((child) => child.type === "function_declaration" && child.childForFieldName("name")?.text === name);
  }

  private isModuleName(name: string): boolean {
    if (!this.moduleNames) {
      this.moduleNames = new Set();
      for (const child of this.root.namedChildren) {
        const statement = child.type === "export_statement" ? child.namedChildren.find((inner) => /declaration/.test(inner.type)) ?? child : child;
        if (this.family === "python" && statement.type === "expression_statement") {
          const left = statement.firstNamedChild?.type === "assignment" ? statement.firstNamedChild.childForFieldName("left") : null;
          if (left?.type === "identifier") this.moduleNames.add(left.text);
        }
        if (/^(lexical_declaration|variable_declaration)$/.test(statement.type)) {
          for (const declarator of statement.namedChildren) if (declarator.type === "variable_declarator") this.moduleNames.add(declarator.childForFieldName("name")?.text ?? "");
        }
      }
    }
    return this.moduleNames.has(name);
  }
}
