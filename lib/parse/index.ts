export { detectLanguage } from "./detect-language";
export { loadLanguage, createParser } from "./load-language";
export type { Node as SyntaxNode, Tree as SyntaxTree } from "web-tree-sitter";
