import type { PatternMatch } from "@/lib/domain";
import type { Detector, DetectorContext } from "./detector";

/**
 * The first of `detectors` that recognises the unit, if any. A detector whose kind is a
 * generic shape (a member of a family of interchangeable classes, a function returning a new
 * object) yields to a more specific role the same unit plays — an LRU cache that is one of
 * several cache classes is a cache, a function returning a wrapper around its argument is a
 * decorator — so it asks first.
 */
export function otherRole(context: DetectorContext, detectors: readonly Detector[]): PatternMatch | undefined {
  for (const detect of detectors) {
    const match = detect(context);
    if (match) return match;
  }
  return undefined;
}
