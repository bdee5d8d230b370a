import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type DetectorContext } from "./detector";
import type { ClassView } from "./adapter-adaptees";
import { delegationProfile, type DelegationProfile, type OperationDelegation } from "./delegation-profile";

/** What the delegation profile says about a class as an adapter: the adaptee and the operations translating onto it. */
export interface DelegationReading {
  adaptee: string;
  translating: OperationDelegation[];
  profile: DelegationProfile;
}

const readings = new WeakMap<SyntaxNode, DelegationReading | null>();

/**
 * A class read as an adapter from its delegation profile: it serves an interface (a base, an
 * adapter-role name, a family of sibling classes) and at least half of its operations — at
 * least two, or its only one — translate onto one object from outside the package (called
 * under other names, or with its failures mapped to the class's own).
 */
export function delegationReading(view: ClassView, file: string): DelegationReading | undefined {
  let reading = readings.get(view.node);
  if (reading === undefined) {
    reading = read(delegationProfile(view, file)) ?? null;
    readings.set(view.node, reading);
  }
  return reading ?? undefined;
}

function read(profile: DelegationProfile): DelegationReading | undefined {
  const { serves, operations } = profile;
  if (!serves || operations.length === 0) return undefined;
  const translating = operations.filter((operation) => operation.translation.length > 0);
  if (translating.length * 2 < operations.length) return undefined;
  const byAdaptee = new Map<string, OperationDelegation[]>();
  for (const operation of translating) {
    for (const origin of new Set(operation.calls.map((call) => call.origin))) byAdaptee.set(origin, [...(byAdaptee.get(origin) ?? []), operation]);
  }
  const [adaptee, onto] = [...byAdaptee.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ["", []];
  // A lone operation must use an object (`asyncio.get_running_loop().getaddrinfo`), not call one module function.
  const onObject = onto.length === 1 && onto[0]!.calls.some((call) => call.origin === adaptee && (!call.origin.startsWith("the module ") || call.receiver.includes("(")));
  if (onto.length < 2 && !(operations.length === 1 && onObject)) return undefined;
  return { adaptee, translating: onto, profile };
}

/**
 * A method of a class whose delegation profile reads as an adapter, when the method is one of
 * the operations translating onto the adaptee (`resolve()` → `self._loop.getaddrinfo(…)`,
 * `add_handler()` → `self.selector_loop.add_reader(…)`, `_inotify_init()` mapping
 * `inotify_syscalls`' failures to its own).
 */
export function delegatingOperation(context: DetectorContext, view: ClassView): PatternMatch | undefined {
  const reading = delegationReading(view, context.input.unit.file);
  const operation = reading?.translating.find((candidate) => candidate.method.node.id === context.node.id);
  if (!reading || !operation) return undefined;
  return patternMatch("adapter", 0.65, [`translates onto ${operation.calls[0]!.receiver}, ${reading.adaptee}: ${operation.translation.join("; ")}`, `in an adapter class that ${reading.profile.serves}`]);
}
