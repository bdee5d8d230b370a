/** A line position; only the row (0-based) is read by extraction. */
export interface SyntaxPoint {
  row: number;
}

/**
 * The part of tree-sitter's `Node` API that extraction reads. `MirrorNode` implements it in
 * plain JavaScript; a web-tree-sitter `Node` satisfies it too, so a caller holding a live
 * tree (a test, say) can pass its nodes directly.
 */
export interface SyntaxNode {
  /** Unique within one tree; only compared for equality. */
  readonly id: number;
  readonly type: string;
  readonly isNamed: boolean;
  /** UTF-16 offsets into the source, as `source.slice(startIndex, endIndex)` reads them. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: SyntaxPoint;
  readonly endPosition: SyntaxPoint;
  readonly text: string;
  readonly parent: SyntaxNode | null;
  readonly children: SyntaxNode[];
  readonly namedChildren: SyntaxNode[];
  readonly namedChildCount: number;
  readonly firstNamedChild: SyntaxNode | null;
  readonly previousSibling: SyntaxNode | null;
  readonly previousNamedSibling: SyntaxNode | null;
  /** The tree the node belongs to: an identity for per-file memos. */
  readonly tree: { readonly rootNode: SyntaxNode };
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): SyntaxNode[];
  /** The node and its descendants whose type is one of `types`, in document order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[];
  /**
   * Named descendants of one type, the node itself excluded, in document order: what
   * `descendantsOfType(type)` filtered to named nodes other than this one gives, without the
   * copies. Only the mirror has it.
   */
  namedDescendantsOfType?(type: string): SyntaxNode[];
}
