import type { CodeUnit } from "@/lib/domain";
import { countNameWords, nameWordLimit } from "./name-words";
import { meaningfulCallNames } from "./shared-words";
import { splitIdentifier, titleWords } from "@/lib/words";

/** A named pattern as disambiguation sees it. */
export interface NamedEntry {
  /** Stable key: groups are processed in key order, so names never depend on input order. */
  key: string;
  name: string;
  representative: CodeUnit;
  /** The class (or function) enclosing the representative, if any. */
  owner?: CodeUnit;
}

// Folders that say how code is built or laid out, not what it is about.
const layoutFolders = new Set(["src", "lib", "dist", "build", "esm", "cjs", "mjs", "out", "core", "internal", "utils", "util", "common", "shared", "node_modules", "packages", "helpers", "vendor", "v1", "v2", "v3", "v4"]);

const languageName = (unit: CodeUnit) => (unit.language === "python" ? "Python" : unit.language === "javascript" ? "JavaScript" : "TypeScript");

const nameHas = (name: string, words: string[]) => {
  const present = new Set(splitIdentifier(name));
  return words.length > 0 && words.every((word) => present.has(word));
};

/** The nearest folder of the entry's file that none of the others sits in: its domain ("asyncio" beside "concurrent"). */
function domainFolder(entry: NamedEntry, siblings: NamedEntry[]): string | undefined {
  const elsewhere = new Set(siblings.filter((other) => other !== entry).flatMap((other) => other.representative.file.split("/").slice(0, -1)));
  const folders = entry.representative.file.split("/").slice(0, -1).reverse();
  return folders.find((folder) => /^[A-Za-z][\w-]{2,}$/.test(folder) && !layoutFolders.has(folder.toLowerCase()) && !elsewhere.has(folder) && !nameHas(entry.name, splitIdentifier(folder)));
}

/** Qualifiers for one entry, most telling first: its class, its domain folder, a call the others do not make. */
function qualifiers(entry: NamedEntry, siblings: NamedEntry[]): string[] {
  const found: string[] = [];
  const owner = entry.owner;
  // A computed member name (`[Symbol.asyncIterator]`, a sequence expression) is no class word.
  const ownerWords = owner && /^[\w$]+$/.test(owner.name) ? splitIdentifier(owner.name) : [];
  if (ownerWords.length > 0 && ownerWords.length <= 5 && !nameHas(entry.name, ownerWords)) found.push(` in ${titleWords(ownerWords)}`);
  const domain = domainFolder(entry, siblings);
  if (domain) found.push(` in ${titleWords(splitIdentifier(domain))}`);
  const othersCall = new Set(siblings.filter((other) => other !== entry).flatMap((other) => meaningfulCallNames(other.representative)));
  const own = meaningfulCallNames(entry.representative).find((call) => !othersCall.has(call) && !nameHas(entry.name, splitIdentifier(call)));
  if (own) found.push(` using ${titleWords(splitIdentifier(own))}`);
  // The same code as TypeScript source and as its compiled JavaScript: say which is which.
  if (siblings.some((other) => languageName(other.representative) !== languageName(entry.representative))) found.push(` in ${languageName(entry.representative)}`);
  return found;
}

/**
 * Patterns that do different things may end up with one name. Each of them then gets the
 * first qualifier that sets it apart — its enclosing class ("... in Stream Writer"), the
 * folder of its domain that the others are not in ("... in Asyncio"), or a call the others
 * do not make ("... using Float Safe Remainder"), or its language when the same code comes
 * as TypeScript source and compiled JavaScript — never a counter, and never past
 * `nameWordLimit` words. Names that stay equal after that are left equal:
 * nothing in the code tells them apart.
 */
export function disambiguateNames(entries: NamedEntry[]): void {
  const byName = new Map<string, NamedEntry[]>();
  for (const entry of [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
  }
  const taken = new Set(entries.map((entry) => entry.name));
  for (const [, group] of byName) {
    if (group.length < 2) continue;
    const chosen = new Map<NamedEntry, string>();
    for (const entry of group) {
      // A qualifier that would take the name past the word limit is no qualifier.
      const candidates = qualifiers(entry, group).map((qualifier) => `${entry.name}${qualifier}`).filter((candidate) => countNameWords(candidate) <= nameWordLimit);
      const fresh = candidates.find((candidate) => !taken.has(candidate));
      if (!fresh) continue;
      chosen.set(entry, fresh);
      taken.add(fresh);
    }
    for (const [entry, name] of chosen) entry.name = name;
  }
}
