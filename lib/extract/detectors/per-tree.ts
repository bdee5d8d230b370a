import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Family } from "./syntax";

/**
 * `build` over a file's syntax tree, run once per tree and kept as long as the tree lives: the
 * file-level facts (its classes, functions, callback stores, module-level instances) that every
 * unit of the file asks about.
 */
export function perTree<T>(build: (root: SyntaxNode, family: Family) => T): (node: SyntaxNode, family: Family) => T {
  const built = new WeakMap<SyntaxNode["tree"], T>();
  return (node, family) => {
    let value = built.get(node.tree);
    if (value === undefined) {
      value = build(node.tree.rootNode, family);
      built.set(node.tree, value);
    }
    return value;
  };
}
