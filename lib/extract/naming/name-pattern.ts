import type { CodeUnit, DesignPatternKind } from "@/lib/domain";
import type { FrameworkRole } from "./detect-framework";
import { identifierSubject, type IdentifierSubject } from "./identifier-subject";
import { kindPhrase } from "./kind-phrase";
import { countNameWords, cutToWordLimit, nameWordLimit, withinWordLimit } from "./name-words";
import { informative, meaningfulCallNames, sharedItems } from "./shared-words";
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

/**
 * "Phrase for Subject": the subject's leading and trailing words the phrase already says are
 * not repeated ("Database-backed Repository for Order" for `OrderRepository`), so the name
 * still holds every word; the phrase alone when it says them all ("LRU Memoization Cache" for `LRUCache`).
 */
function withSubject(phrase: string, subject: IdentifierSubject): string {
  const said = new Set(splitIdentifier(phrase));
  if (subject.words.every((word) => said.has(word))) return phrase;
  if (subject.special || subject.words.length === 0) return `${phrase} for ${subject.text}`;
  let start = 0;
  let end = subject.words.length;
  while (said.has(subject.words[start])) start++;
  while (said.has(subject.words[end - 1])) end--;
  return `${phrase} for ${titleWords(subject.words.slice(start, end))}`;
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

/** " using Call Soon and Set Result": up to two names all (or most) members call, that the name does not already say. */
function sharedCallPhrase(input: NamingInput, nameWords: string[]): string {
  const sets = input.members.map((member) => new Set(meaningfulCallNames(member)));
  const calls = sharedItems(sets, meaningfulCallNames(input.representative)).filter((call) => !splitIdentifier(call).every((word) => nameWords.includes(word)));
  return calls.length ? ` using ${calls.slice(0, 2).map((call) => titleWords(splitIdentifier(call))).join(" and ")}` : "";
}

/** "Parse Args", "Sock Recv Method", "Run Function", "Walk Generator": the identifier and, when it needs one, what kind of unit it is. */
function plainCore(unit: CodeUnit, subject: IdentifierSubject): string {
  const generator = unit.isGenerator && !subject.words.includes("generator") ? " Generator" : "";
  if (subject.special) return `${subject.text}${generator}`;
  const thin = informative(subject.words).length === 0;
  const noun = unit.kind === "method" ? " Method" : thin ? (unit.kind === "class" ? " Class" : " Function") : "";
  return `${subject.text}${generator}${noun}`;
}

/** The detected kind as realised ("Exponential Backoff Retry Loop for Fetch"), or the framework role ("FastAPI Route Handler for Get User", "Use Auth Token React Hook"). */
function headedCore(input: NamingInput, subject: IdentifierSubject): string | null {
  if (input.kind) return withSubject(kindPhrase(input.kind, input.representative), subject);
  if (!input.role.role) return null;
  const role = [input.role.framework, input.role.role].filter(Boolean).join(" ");
  return input.role.role === "Hook" ? `${subject.text} ${role}` : withSubject(role, subject);
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z\d]/g, "");

/**
 * A human name that keeps every word of the representative's identifier (`forEach` → "For
 * Each Method of Array Set", `url_for` → "URL For"): the detected kind as realised
 * ("Thread-safe Lazy Singleton for Config"), or the framework role ("FastAPI Route Handler
 * for Get User"), or the identifier with its class ("Search Method of User Repository",
 * "Connection Lost Method in Protocol Classes") and, when the identifier says nothing, what
 * the occurrences call ("and 2 similar" when they bear other names). "Async" when it is;
 * never just a file's name; at
 * most `nameWordLimit` words — the class and the calls give way first, then the kind.
 */
export function namePattern(input: NamingInput): string {
  const unit = input.representative;
  const subject = identifierSubject(unit);
  const headed = headedCore(input, subject);
  const plain = plainCore(unit, subject);
  const prefix = (core: string) => (input.isAsync && !/\bAsync\b/.test(core) ? `Async ${core}` : core);
  const cores = [headed, plain, subject.text].filter((core): core is string => !!core).map(prefix);
  const core = cores.find((candidate) => countNameWords(candidate) <= nameWordLimit) ?? cores[cores.length - 1];
  // Members of other names make a family: say how many, and what they all call.
  const others = new Set(input.members.map((member) => member.name)).size > 1 ? input.members.length - 1 : 0;
  const thin = informative(subject.words).length === 0 || others > 0;
  const similar = others > 0 ? ` and ${others} similar` : "";
  const optional = headed ? [] : [ownerQualifier(input), similar, thin ? sharedCallPhrase(input, subject.words) : ""];
  let name = withinWordLimit(core, optional);
  const stems = input.files.map((file) => squash(file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "")));
  if (stems.includes(squash(name))) name = withinWordLimit(name, [unit.kind === "class" ? " Class" : unit.kind === "method" ? " Method" : " Function"]);
  return cutToWordLimit(name);
}
