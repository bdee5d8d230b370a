export type { SyntaxNode, SyntaxPoint } from "./syntax-node";
export { MirrorNode, MirrorTree } from "./mirror-node";
export { mirrorTree } from "./mirror-tree";
export { parseSource, type ParsedSource } from "./parse-source";
export type { TreeSitterModule } from "./tree-cursor-reader";
