export type { SyntaxNode, SyntaxPoint } from "./syntax-node";
export { MirrorNode, MirrorTree } from "./mirror-node";
export { mirrorTree } from "./mirror-tree";
export { parseSource, type ParsedSource } from "./parse-source";
export type { TreeSitterModule } from "./tree-cursor-reader";
export { detectLanguage } from "./detect-language";
export { loadLanguage, createParser } from "./load-language";
export type { Node as TreeSitterNode, Tree as TreeSitterTree } from "web-tree-sitter";
