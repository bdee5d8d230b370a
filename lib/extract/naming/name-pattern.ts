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
  /** Every occurrence's own name: a cluster of differently named copies is named by what they share. */
  memberNames: string[];
}

const fillerWords = new Set(["a", "an", "the", "with", "for", "and", "of", "to", "do", "self", "cls", "impl", "fn", "func"]);
const genericWords = new Set([
  "run", "main", "handle", "handler", "process", "execute", "exec", "callback", "cb", "wrapper", "wrapped", "inner",
  "helper", "worker", "task", "job", "call", "apply", "invoke", "default", "index", "anonymous", "f", "g", "go", "fn", "func", "it",
]);
const uninformativeCalls = new Set(["print", "len", "str", "int", "float", "list", "dict", "set", "tuple", "isinstance", "super", "range", "enumerate", "zip", "map", "filter", "sorted", "push", "log", "append", "get", "format", "join", "toString", "String", "Number", "Boolean", "Array", "Object", "require"]);

// Python's special methods say what they do only to those who know the protocol.
const dunderMeaning: Record<string, string> = {
  __repr__: "string representation", __str__: "string conversion", __eq__: "equality", __ne__: "inequality",
  __hash__: "hash", __len__: "length", __iter__: "iteration", __next__: "next item", __getitem__: "item access",
  __setitem__: "item assignment", __delitem__: "item deletion", __contains__: "membership test", __call__: "call",
  __lt__: "ordering", __le__: "ordering", __gt__: "ordering", __ge__: "ordering", __bool__: "truth value",
  __getattr__: "attribute lookup", __setattr__: "attribute assignment", __enter__: "context entry", __exit__: "context exit",
  __add__: "addition", __sub__: "subtraction", __mul__: "multiplication", __mod__: "modulo", __format__: "formatting",
  __reduce__: "pickling", __getstate__: "pickling state", __setstate__: "unpickling state", __del__: "finaliser",
};

/** Words the names of at least half of the members share, in the representative's order. */
function sharedWords(names: string[], representative: string[]): string[] {
  const sets = names.map((name) => new Set(splitIdentifier(name)));
  return representative.filter((word) => sets.filter((set) => set.has(word)).length * 2 >= sets.length);
}

/** Words of the unit's own name worth showing (filler removed; a hook's `use` prefix dropped). */
function nameWords(input: NamingInput): string[] {
  const unit = input.representative;
  const own = splitIdentifier((Object.hasOwn(dunderMeaning, unit.name) ? dunderMeaning[unit.name] : undefined) ?? unit.name).filter((word) => !fillerWords.has(word));
  // Many differently named copies: name them by the words they share, not by the first one's name.
  const words = input.memberNames.length >= 3 ? sharedWords(input.memberNames, own) : own;
  return input.role.role === "Hook" && words[0] === "use" ? words.slice(1) : words;
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
  if (input.memberNames.length >= 3 && words.filter((word) => !accessorVerbs.has(word)).length === 0) return recurringShape(unit);
  let name = informative.length ? titleWords(words) : `${titleWords(words) || "Anonymous Function"}${callPhrase(unit)}`;
  if (unit.isGenerator && !words.includes("generator")) name += " Generator";
  if (unit.kind === "method" && input.owner && input.memberNames.length < 3) name += ` Method of ${titleWords(splitIdentifier(input.owner.name))}`;
  else if (unit.kind === "method") name += " Method";
  return name;
}

/** A name from the shape alone, for a recurring unit whose copies share no name words. */
function recurringShape(unit: CodeUnit): string {
  // Docstrings and block strings are not behaviour: drop them before reading the body.
  const code = unit.code.replace(/("{3}|'{3})[\s\S]*?\1/g, "");
  const body = code
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line && !/^("""|'''|"|'|#|\/\/|\/?\*|[}\])];?$)/.test(line));
  const noun = unit.kind === "class" ? "Class" : unit.kind === "method" ? "Method" : "Function";
  if (body.length === 1 && /^return\s+(self|this)\.[\w$]+;?$/.test(body[0])) return "Attribute Accessor Method";
  if (body.length === 1 && /^return\s+[\w$.]+\(.*\);?$/.test(body[0])) return `One-line Delegating ${noun}`;
  if (body.length === 1 && /^(pass|\.\.\.|raise NotImplementedError\b.*|\{\s*\})$/.test(body[0])) return `Empty Stub ${noun}`;
  return `Recurring ${unit.metrics.cyclomatic > 1 ? "Branching " : ""}${noun} Shape${callPhrase(unit)}`;
}

const accessorVerbs = new Set(["get", "set", "is", "has", "to", "on", "do", "make", "create", "handle", "visit", "test"]);

const squash = (text: string) => text.toLowerCase().replace(/[^a-z\d]/g, "");

/**
 * A human name from what the code does: the detected kind as realised ("Thread-safe Lazy
 * Singleton for Config"), or the framework role ("FastAPI Route Handler for Get User"), or
 * the unit's own words ("Get Backoff Time", "Save Method of User Repository"), made
 * "Async" when it is, and never just the name of a file it sits in.
 */
export function namePattern(input: NamingInput): string {
  const unit = input.representative;
  const words = nameWords(input);
  let name: string;
  if (input.kind) name = withSubject(kindPhrase(input.kind, unit), words);
  else if (input.role.role) name = withSubject([input.role.framework, input.role.role].filter(Boolean).join(" "), words);
  else name = plainName(input, words);
  if (input.isAsync && !/\bAsync\b/.test(name)) name = `Async ${name}`;
  const stems = input.files.map((file) => squash(file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "")));
  if (stems.includes(squash(name))) name += unit.kind === "class" ? " Class" : unit.kind === "method" ? " Method" : " Function";
  return name;
}
