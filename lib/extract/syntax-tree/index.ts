export type { SyntaxNode, SyntaxPoint } from "./syntax-node";
export { MirrorNode, MirrorTree } from "./mirror-node";
export { mirrorTree } from "./mirror-tree";
