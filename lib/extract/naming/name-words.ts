/** The most words a pattern name may have: longer names stop being names. */
export const nameWordLimit = 12;

/** Words of a name as a reader counts them: separated by spaces ("Thread-safe" is one). */
export function countNameWords(name: string): number {
  return name.split(/\s+/).filter(Boolean).length;
}

/**
 * `core` followed by as many of the `optional` parts (in order; each starts with a space) as
 * keep the name within `nameWordLimit`: a part that does not fit is left out, a later shorter one may still fit.
 */
export function withinWordLimit(core: string, optional: string[]): string {
  let name = core;
  for (const part of optional) {
    if (part && countNameWords(name + part) <= nameWordLimit) name += part;
  }
  return name;
}

/**
 * The name cut to `nameWordLimit` words, the last one marked "…" — only an identifier of more
 * words than that (a computed key listing selectors, say) needs it: the kind and the class give way first.
 */
export function cutToWordLimit(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return words.length <= nameWordLimit ? name : `${words.slice(0, nameWordLimit).join(" ")}…`;
}
