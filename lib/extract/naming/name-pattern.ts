import type { CodeUnit, DesignPatternKind } from "@/lib/extract/types";
import type { FrameworkRole } from "./detect-framework";
import { kindPhrase } from "./kind-phrase";
import { splitIdentifier, titleWords } from "./split-identifier";

/** The facts a pattern's name is made of. */
export interface NamingInput {
  representative: CodeUnit;
  kind: DesignPatternKind | null;
  role: FrameworkRole;
  /** The class holding the representative, for methods. */
  owner?: CodeUnit;
  isAsync: boolean;
  /** Every occurrence's file: the name must not merely repeat one of them. */
  files: string[];
}

const fillerWords = new Set(["a", "an", "the", "with", "for", "and", "of", "to", "do", "self", "cls", "impl", "fn", "func"]);
const genericWords = new Set([
  "run", "main", "handle", "handler", "process", "execute", "exec", "callback", "cb", "wrapper", "wrapped", "inner",
  "helper", "worker", "task", "job", "call", "apply", "invoke", "default", "index", "anonymous", "f", "g", "go", "fn", "func", "it",
]);
const uninformativeCalls = new Set(["print", "len", "str", "int", "float", "list", "dict", "set", "tuple", "isinstance", "super", "range", "enumerate", "zip", "map", "filter", "sorted", "push", "log", "append", "get", "format", "join", "toString", "String", "Number", "Boolean", "Array", "Object", "require"]);

/** Words of the unit's own name worth showing (filler removed; a hook's `use` prefix dropped). */
function nameWords(unit: CodeUnit, role: FrameworkRole): string[] {
  const words = splitIdentifier(unit.name).filter((word) => !fillerWords.has(word));
  return role.role === "Hook" && words[0] === "use" ? words.slice(1) : words;
}

/** Words of a phrase overlap when one is a 3+ letter prefix of the other ("repo" / "repository"). */
function overlaps(word: string, phraseWords: string[]): boolean {
  return phraseWords.some((other) => (word.length >= 3 && other.startsWith(word)) || (other.length >= 3 && word.startsWith(other)));
}

/** "using Fetch and Commit": the most telling calls, for units whose own name says nothing. */
function callPhrase(unit: CodeUnit): string {
  const verbs = unit.calls
    .map((call) => call.split(".").pop() ?? call)
    .filter((name) => name && !uninformativeCalls.has(name) && !/^(self|this|cls)$/.test(name));
  const chosen = [...new Set(verbs)].slice(0, 2).map((name) => titleWords(splitIdentifier(name)));
  return chosen.length ? ` using ${chosen.join(" and ")}` : "";
}

function withSubject(phrase: string, words: string[]): string {
  const phraseWords = splitIdentifier(phrase);
  const subject = words.filter((word) => !overlaps(word, phraseWords) && !genericWords.has(word));
  return subject.length ? `${phrase} for ${titleWords(subject)}` : phrase;
}

function plainName(input: NamingInput, words: string[]): string {
  const unit = input.representative;
  const informative = words.filter((word) => !genericWords.has(word));
  if (unit.name === "__init__" || unit.name === "constructor") {
    return `Constructor of ${titleWords(splitIdentifier(input.owner?.name ?? "object"))}`;
  }
  let name = informative.length ? titleWords(words) : `${titleWords(words) || "Anonymous Function"}${callPhrase(unit)}`;
  if (unit.isGenerator && !words.includes("generator")) name += " Generator";
  if (unit.kind === "method" && input.owner) name += ` Method of ${titleWords(splitIdentifier(input.owner.name))}`;
  return name;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z\d]/g, "");

/**
 * A human name from what the code does: the detected kind as realised ("Thread-safe Lazy
 * Singleton for Config"), or the framework role ("FastAPI Route Handler for Get User"), or
 * the unit's own words ("Get Backoff Time", "Save Method of User Repository"), made
 * "Async" when it is, and never just the name of a file it sits in.
 */
export function namePattern(input: NamingInput): string {
  const unit = input.representative;
  const words = nameWords(unit, input.role);
  let name: string;
  if (input.kind) name = withSubject(kindPhrase(input.kind, unit), words);
  else if (input.role.role) name = withSubject([input.role.framework, input.role.role].filter(Boolean).join(" "), words);
  else name = plainName(input, words);
  if (input.isAsync && !/\bAsync\b/.test(name)) name = `Async ${name}`;
  const stems = input.files.map((file) => squash(file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "")));
  if (stems.includes(squash(name))) name += unit.kind === "class" ? " Class" : unit.kind === "method" ? " Method" : " Function";
  return name;
}
