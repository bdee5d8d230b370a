import type { Parser, Tree } from "web-tree-sitter";
import { asTreeSitterModule, type TreeSitterModule } from "./tree-cursor-reader";

/** A parsed tree, and web-tree-sitter's module when it could be reached (see `openTreeCursor`). */
export interface ParsedSource {
  tree: Tree | null;
  module?: TreeSitterModule;
}

/**
 * Parses `source` exactly as `parser.parse(source)` does (the same text callback), and picks
 * up the module web-tree-sitter calls that callback on, so the tree can be copied out
 * without the per-read bookkeeping of its public cursor.
 */
export function parseSource(parser: Parser, source: string): ParsedSource {
  let caller: unknown;
  const tree = parser.parse(function (this: unknown, index: number) {
    // The module web-tree-sitter calls back on is only reachable as `this` of the callback.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    caller ??= this;
    return source.slice(index);
  });
  return { tree, module: asTreeSitterModule(caller) };
}
