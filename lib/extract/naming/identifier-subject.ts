import type { CodeUnit } from "@/lib/domain";
import { dunderMeaning } from "./shared-words";
import { splitIdentifier, titleWords } from "@/lib/words";

/** What a name says a unit is called: every word of its identifier, as shown and as words. */
export interface IdentifierSubject {
  /** The words shown, in order (every word of the identifier among them). */
  words: string[];
  /** How they read in a title: "For Each", "String Representation (__repr__)", "Is URL Same Origin (default export)". */
  text: string;
  /** A constructor or special method: its meaning is the subject, so "Method" would add nothing. */
  special: boolean;
}

// Files whose stem names no export: the folder they sit in does (`p-retry/index.js` → p-retry).
const folderStems = new Set(["index", "main", "mod", "__init__", "__main__"]);

/** The name a file exports under: its stem, or its folder's name for an `index` file. */
export function fileExportName(file: string): string {
  const parts = file.split("/");
  const stem = parts[parts.length - 1].replace(/(\.d)?\.[^.]+$/, "");
  return folderStems.has(stem) && parts.length > 1 ? parts[parts.length - 2] : stem;
}

/**
 * The subject of a unit's name, keeping every word of its identifier: `forEach` → "For Each",
 * `url_for` → "URL For", `__repr__` → "String Representation (__repr__)", `__init__` →
 * "Constructor (__init__)", an anonymous `export default` → "Is URL Same Origin (default
 * export)" after the file's export name, `module.exports = function` likewise.
 */
export function identifierSubject(unit: CodeUnit): IdentifierSubject {
  const name = unit.name;
  // A computed key (`[[ "A", /* why */ "B" ]]`) is named by its code, not by its comments.
  const words = splitIdentifier(name.startsWith("[") ? name.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, " ") : name);
  if (name === "default" || name === "exports") {
    const exported = splitIdentifier(fileExportName(unit.file));
    const marker = name === "default" ? "default export" : "module exports";
    return { words: [...exported, ...splitIdentifier(marker)], text: `${titleWords(exported)} (${marker})`.trim(), special: false };
  }
  if (name === "__init__" || name === "constructor") {
    return { words: ["constructor", ...words], text: name === "constructor" ? "Constructor" : `Constructor (${name})`, special: true };
  }
  if (Object.hasOwn(dunderMeaning, name)) {
    const meaning = splitIdentifier(dunderMeaning[name]);
    return { words: [...meaning, ...words], text: `${titleWords(meaning)} (${name})`, special: true };
  }
  // An identifier of no ASCII letters or digits (`λ`, `名前`) is shown as written.
  if (words.length === 0) return { words: [], text: name.trim() || "Anonymous", special: false };
  return { words, text: titleWords(words), special: false };
}
