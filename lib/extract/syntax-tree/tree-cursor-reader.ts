import type { Tree, TreeCursor } from "web-tree-sitter";

/** The cursor reads `mirrorTree` needs: one pre-order walk over every node. */
export interface TreeCursorReader {
  typeId(): number;
  isNamed(): boolean;
  fieldId(): number;
  startIndex(): number;
  endIndex(): number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Frees the cursor; the reader is unusable afterwards. */
  close(): void;
}

/**
 * The exports of web-tree-sitter's compiled module that a cursor walk uses. The package
 * does not export its module; `parseSource` receives it as `this` of the parse callback.
 */
export interface TreeSitterModule {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_named_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
}

const moduleFunctions = [
  "_ts_init",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_current_node_is_named_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
] as const;

/** The module when `candidate` has the shape a direct walk relies on, else undefined. */
export function asTreeSitterModule(candidate: unknown): TreeSitterModule | undefined {
  if (typeof candidate !== "object" || candidate === null) return undefined;
  const record = candidate as Record<string, unknown>;
  if (!(record.HEAP32 instanceof Int32Array)) return undefined;
  return moduleFunctions.every((name) => typeof record[name] === "function") ? (candidate as TreeSitterModule) : undefined;
}

function publicReader(cursor: TreeCursor): TreeCursorReader {
  return {
    typeId: () => cursor.nodeTypeId,
    isNamed: () => cursor.nodeIsNamed,
    fieldId: () => cursor.currentFieldId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    close: () => cursor.delete(),
  };
}

type CursorHandle = TreeCursor & Record<0 | 1 | 2 | 3, number>;

/**
 * Reads through the module directly. The public TreeCursor copies its four-word state into a
 * transfer buffer and back on every read, through generic heap accessors; that bookkeeping
 * cost more than the reads themselves. Here the state is placed in the buffer once and stays
 * there (every cursor function reads it there; moves write it back), and is copied back into
 * the TreeCursor before it is freed.
 */
function directReader(module: TreeSitterModule, tree: Tree, cursor: CursorHandle): TreeCursorReader {
  const address = (tree as Tree & { 0: number })[0];
  const buffer = module._ts_init() >> 2;
  for (let word = 0; word < 4; word++) module.HEAP32[buffer + word] = cursor[word as 0 | 1 | 2 | 3];
  return {
    typeId: () => module._ts_tree_cursor_current_node_type_id_wasm(address),
    isNamed: () => module._ts_tree_cursor_current_node_is_named_wasm(address) === 1,
    fieldId: () => module._ts_tree_cursor_current_field_id_wasm(address),
    startIndex: () => module._ts_tree_cursor_start_index_wasm(address),
    endIndex: () => module._ts_tree_cursor_end_index_wasm(address),
    gotoFirstChild: () => module._ts_tree_cursor_goto_first_child_wasm(address) === 1,
    gotoNextSibling: () => module._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
    gotoParent: () => module._ts_tree_cursor_goto_parent_wasm(address) === 1,
    close: () => {
      // The heap may have grown (and HEAP32 been replaced) during the walk.
      for (let word = 0; word < 4; word++) cursor[word as 0 | 1 | 2 | 3] = module.HEAP32[buffer + word];
      cursor.delete();
    },
  };
}

/** A cursor at the root of `tree`, read directly through `module` when one is given. */
export function openTreeCursor(tree: Tree, module?: TreeSitterModule): TreeCursorReader {
  const cursor = tree.walk();
  return module ? directReader(module, tree, cursor as CursorHandle) : publicReader(cursor);
}
