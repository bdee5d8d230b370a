import type { CodeUnit, DesignPatternKind } from "@/lib/domain";
import type { FrameworkRole } from "./detect-framework";
import { kindPhrase } from "./kind-phrase";
import { docstringWords, genericWords, informative, meaningfulCallNames, ownNameWords, sharedItems } from "./shared-words";
import { splitIdentifier, titleWords } from "@/lib/words";

/** The facts a pattern's name is made of. */
export interface NamingInput {
  representative: CodeUnit;
  kind: DesignPatternKind | null;
  role: FrameworkRole;
  /** Every occurrence, the representative among them. */
  members: CodeUnit[];
  /** The name of the class holding each member ("" when none), in the order of `members`. */
  memberOwners: string[];
  isAsync: boolean;
  /** Every occurrence's file: the name must not merely repeat one of them. */
  files: string[];
}

/** Words of a phrase overlap when they share a prefix of 5 letters, or all of a shorter word ("repo" / "repository", "validate" / "validator"). */
function overlaps(word: string, phraseWords: string[]): boolean {
  return phraseWords.some((other) => {
    const shorter = Math.min(word.length, other.length);
    let common = 0;
    while (common < shorter && word[common] === other[common]) common++;
    return shorter >= 3 && common >= Math.min(5, shorter);
  });
}

/** "Kind Phrase for Subject": the subject's words minus generic ones and those the phrase already says; none when nothing informative is left. */
function withSubject(phrase: string, words: string[]): string {
  const phraseWords = splitIdentifier(phrase);
  const subject = words.filter((word) => !genericWords.has(word) && !overlaps(word, phraseWords));
  return informative(subject).length ? `${phrase} for ${titleWords(subject)}` : phrase;
}

/** Name words every member shares (all of them when there is one member or one name); a hook's `use` dropped. */
function sharedNameWords(input: NamingInput): string[] {
  const own = ownNameWords(input.representative);
  const words = new Set(input.members.map((member) => member.name)).size <= 1 ? own : sharedItems(input.members.map((member) => new Set(ownNameWords(member))), own);
  return input.role.role === "Hook" && words[0] === "use" ? words.slice(1) : words;
}

/** " of Owner" when every member sits in one class; " in Owner-word Classes" when their classes share words. */
function ownerQualifier(input: NamingInput): string {
  const owners = input.memberOwners;
  // A computed member name (`[Symbol.asyncIterator]`, a sequence expression) is no class word.
  if (input.representative.kind !== "method" || owners.some((owner) => !/^[\w$]+$/.test(owner))) return "";
  if (new Set(owners).size === 1) return ` of ${titleWords(splitIdentifier(owners[0]))}`;
  const words = informative(sharedItems(owners.map((owner) => new Set(splitIdentifier(owner))), splitIdentifier(owners[0])));
  return words.length ? ` in ${titleWords(words)} Classes` : "";
}

/** " using Call Soon and Set Result": up to two names all (or most) members call. */
function sharedCallPhrase(input: NamingInput, nameWords: string[]): string {
  const sets = input.members.map((member) => new Set(meaningfulCallNames(member)));
  const calls = sharedItems(sets, meaningfulCallNames(input.representative)).filter((call) => !splitIdentifier(call).every((word) => nameWords.includes(word)));
  return calls.length ? ` using ${calls.slice(0, 2).map((call) => titleWords(splitIdentifier(call))).join(" and ")}` : "";
}

function unitNoun(unit: CodeUnit, always: boolean): string {
  if (unit.kind === "method") return unit.name === "__init__" || unit.name === "constructor" ? "" : " Method";
  return always ? (unit.kind === "class" ? " Class" : " Function") : "";
}

/**
 * A plain pattern's name: the words its members share — of their names, else of their
 * docstrings' first sentences — with what they call when that is thin; when they share
 * nothing, the representative's own words "and N similar".
 */
function plainName(input: NamingInput): string {
  const unit = input.representative;
  const constructor = unit.name === "__init__" || unit.name === "constructor";
  const others = input.members.length - 1;
  let subject = constructor ? ["constructor"] : sharedNameWords(input);
  if (informative(subject).length === 0 && others > 0 && !constructor) {
    subject = sharedItems(input.members.map((member) => new Set(docstringWords(member))), docstringWords(unit)).slice(0, 5);
  }
  const generator = unit.isGenerator && !subject.includes("generator") ? " Generator" : "";
  const owner = ownerQualifier(input);
  if (informative(subject).length === 0) {
    const own = titleWords(ownNameWords(unit)) || "Anonymous";
    const similar = others > 0 ? ` and ${others} similar` : "";
    return `${own}${generator}${unitNoun(unit, true)}${owner}${similar}${sharedCallPhrase(input, ownNameWords(unit))}`;
  }
  // A single unit is named by its author; a cluster's one shared word gets what they all call.
  const thin = others > 0 && informative(subject).length <= 1 ? sharedCallPhrase(input, subject) : "";
  return `${titleWords(subject)}${generator}${unitNoun(unit, false)}${owner}${thin}`;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z\d]/g, "");

/**
 * A human name from what the code does: the detected kind as realised ("Thread-safe Lazy
 * Singleton for Config"), or the framework role ("FastAPI Route Handler for Get User"), or
 * the words the occurrences share ("Search Method of User Repository", "Connection Lost
 * Method in Protocol Classes"), made "Async" when it is, never a counter, and never just
 * the name of a file it sits in.
 */
export function namePattern(input: NamingInput): string {
  const unit = input.representative;
  let name: string;
  if (input.kind) name = withSubject(kindPhrase(input.kind, unit), sharedNameWords(input));
  else if (input.role.role) name = withSubject([input.role.framework, input.role.role].filter(Boolean).join(" "), sharedNameWords(input));
  else name = plainName(input);
  if (input.isAsync && !/\bAsync\b/.test(name)) name = `Async ${name}`;
  const stems = input.files.map((file) => squash(file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "")));
  if (stems.includes(squash(name))) name += unit.kind === "class" ? " Class" : unit.kind === "method" ? " Method" : " Function";
  return name;
}
