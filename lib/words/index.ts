/**
 * lib/words: the words of code identifiers and prose, shared by extraction (naming patterns),
 * the built-in embedder and full-text search, which must split text the same way and must
 * not depend on one another.
 */
export { splitIdentifier, titleWords, displayWord } from "./split-identifier";
