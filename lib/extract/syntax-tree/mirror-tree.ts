import type { Tree } from "web-tree-sitter";
import { MirrorNode, MirrorTree } from "./mirror-node";
import { openTreeCursor, type TreeSitterModule } from "./tree-cursor-reader";

/**
 * Copies a parsed tree into JavaScript in one cursor walk. Every later read (types,
 * children, fields, text, descendants) is then plain JavaScript: reading the live tree
 * crosses into WASM and allocates on every property, which made extraction slow. The tree
 * can be deleted once this returns. `module` (from `parseSource`) makes the walk about three
 * times faster; without it the public cursor is used.
 */
export function mirrorTree(tree: Tree, source: string, module?: TreeSitterModule): MirrorNode {
  const mirror = new MirrorTree(source);
  const { types, fields } = tree.language;
  // Whether a type is named depends only on the (alias-resolved) type id.
  const named: boolean[] = [];
  const nodes = mirror.nodes;
  const cursor = openTreeCursor(tree, module);
  try {
    let parent: MirrorNode | null = null;
    for (;;) {
      const typeId = cursor.typeId();
      const node: MirrorNode = new MirrorNode(
        mirror,
        nodes.length,
        types[typeId] || "ERROR",
        (named[typeId] ??= cursor.isNamed()),
        fields[cursor.fieldId()] ?? null,
        cursor.startIndex(),
        cursor.endIndex(),
        parent,
        parent ? parent.children.length : 0,
      );
      nodes.push(node);
      parent?.adopt(node);
      if (cursor.gotoFirstChild()) {
        parent = node;
        continue;
      }
      // Climb until a sibling is found; each parent left behind ends its subtree here.
      while (!cursor.gotoNextSibling()) {
        if (!parent || !cursor.gotoParent()) {
          mirror.rootNode = nodes[0];
          return nodes[0];
        }
        parent.last = nodes.length - 1;
        parent = parent.parent;
      }
    }
  } finally {
    cursor.close();
  }
}
