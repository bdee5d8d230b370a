import type { SyntaxNode, SyntaxPoint } from "./syntax-node";

/**
 * One parsed file held in JavaScript: every node in document (pre-order) order, with the
 * lookups that would otherwise each cross into tree-sitter's WASM built once, on demand.
 */
export class MirrorTree {
  /** Every node, in pre-order: a subtree is the contiguous run `index..last`. */
  readonly nodes: MirrorNode[] = [];
  rootNode!: MirrorNode;
  private newlines?: Int32Array;
  private byType?: Map<string, MirrorNode[]>;
  private namedByType?: Map<string, MirrorNode[]>;

  constructor(readonly source: string) {}

  /** 0-based line of a source offset: the newlines before it, as tree-sitter counts rows. */
  rowAt(index: number): number {
    const newlines = (this.newlines ??= newlineOffsets(this.source));
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newlines[middle] < index) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Nodes of one type (named and anonymous alike, as tree-sitter matches by name), in pre-order. */
  nodesOfType(type: string): MirrorNode[] | undefined {
    if (!this.byType) {
      this.byType = new Map();
      for (const node of this.nodes) {
        const bucket = this.byType.get(node.type);
        if (bucket) bucket.push(node);
        else this.byType.set(node.type, [node]);
      }
    }
    return this.byType.get(type);
  }

  /** The named nodes among `nodesOfType(type)`. */
  namedNodesOfType(type: string): MirrorNode[] | undefined {
    this.namedByType ??= new Map();
    let named = this.namedByType.get(type);
    if (!named) {
      const all = this.nodesOfType(type);
      named = all?.every((node) => node.isNamed) ? all : (all ?? []).filter((node) => node.isNamed);
      this.namedByType.set(type, named);
    }
    return named;
  }
}

function newlineOffsets(source: string): Int32Array {
  const offsets: number[] = [];
  for (let index = source.indexOf("\n"); index >= 0; index = source.indexOf("\n", index + 1)) offsets.push(index);
  return Int32Array.from(offsets);
}

// Most nodes are leaves: they share one empty list instead of allocating their own.
const noChildren: MirrorNode[] = [];

/** A syntax node copied out of tree-sitter: reading it never calls into WASM. */
export class MirrorNode implements SyntaxNode {
  /** Filled by `mirrorTree` through `adopt`; read-only for everyone else. */
  children: MirrorNode[] = noChildren;
  /** Pre-order index of the last node of this subtree. */
  last: number;
  private named?: MirrorNode[];

  constructor(
    readonly tree: MirrorTree,
    /** Pre-order index in `tree.nodes`. */
    readonly index: number,
    readonly type: string,
    readonly isNamed: boolean,
    /** The field this node fills in its parent (`name`, `body`, ...), or null. */
    readonly field: string | null,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: MirrorNode | null,
    /** Position among the parent's children. */
    readonly childIndex: number,
  ) {
    this.last = index;
  }

  /** Appends the next child (tree building only). */
  adopt(child: MirrorNode): void {
    if (this.children === noChildren) this.children = [child];
    else this.children.push(child);
  }

  get id(): number {
    return this.index + 1;
  }

  get text(): string {
    return this.tree.source.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): SyntaxPoint {
    return { row: this.tree.rowAt(this.startIndex) };
  }

  get endPosition(): SyntaxPoint {
    return { row: this.tree.rowAt(this.endIndex) };
  }

  get namedChildren(): MirrorNode[] {
    return (this.named ??= namedOnly(this.children));
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get firstNamedChild(): MirrorNode | null {
    return this.namedChildren[0] ?? null;
  }

  get previousSibling(): MirrorNode | null {
    return this.parent && this.childIndex > 0 ? this.parent.children[this.childIndex - 1] : null;
  }

  get previousNamedSibling(): MirrorNode | null {
    if (!this.parent) return null;
    for (let index = this.childIndex - 1; index >= 0; index--) {
      const sibling = this.parent.children[index];
      if (sibling.isNamed) return sibling;
    }
    return null;
  }

  childForFieldName(name: string): MirrorNode | null {
    for (const child of this.children) if (child.field === name) return child;
    return null;
  }

  childrenForFieldName(name: string): MirrorNode[] {
    return this.children.filter((child) => child.field === name);
  }

  descendantsOfType(types: string | readonly string[]): MirrorNode[] {
    if (typeof types === "string") return this.ofType(types);
    if (types.length === 1) return this.ofType(types[0]);
    const found: MirrorNode[] = [];
    for (const type of new Set(types)) for (const node of this.ofType(type)) found.push(node);
    return found.sort((a, b) => a.index - b.index);
  }

  namedDescendantsOfType(type: string): MirrorNode[] {
    return within(this.tree.namedNodesOfType(type), this.index + 1, this.last);
  }

  private ofType(type: string): MirrorNode[] {
    return within(this.tree.nodesOfType(type), this.index, this.last);
  }
}

// The part of a pre-order list with indexes first..last, found by binary search.
function within(nodes: MirrorNode[] | undefined, first: number, last: number): MirrorNode[] {
  if (!nodes) return [];
  const from = lowerBound(nodes, first);
  const to = lowerBound(nodes, last + 1);
  return from === to ? [] : nodes.slice(from, to);
}

// The children list itself when every child is named: no copy for most nodes' lists.
function namedOnly(children: MirrorNode[]): MirrorNode[] {
  let named = 0;
  for (const child of children) if (child.isNamed) named++;
  if (named === children.length) return children;
  return named === 0 ? noChildren : children.filter((child) => child.isNamed);
}

function lowerBound(nodes: MirrorNode[], index: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].index < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
