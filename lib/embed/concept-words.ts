import { conceptEntries, findConcepts } from "./concept-index";
import { splitIdentifier } from "@/lib/words";
import { stemWord } from "./stem-word";
import { wordWeight } from "./word-weight";

/** Word weight a word needs before its concepts are spelled out (common verbs like "make" or "get" are not enough). */
const minimumSpecificity = 0.6;

/**
 * The words and phrases the programming thesaurus lists for the concepts a text names
 * plainly (strong entries said with a specific word), e.g. "Sleep for a while" →
 * pause, wait, delay, backoff, ... Full-text search indexes them beside a pattern's own
 * words so that an intent phrased with another word for the same idea still finds it.
 */
export function conceptWords(text: string): string[] {
  const stems = splitIdentifier(text).map(stemWord);
  const concepts = new Set<string>();
  for (const mention of findConcepts(stems)) {
    const said = stems.slice(mention.position, mention.position + mention.length);
    if (mention.strong && Math.max(...said.map(wordWeight)) >= minimumSpecificity) concepts.add(mention.concept);
  }
  return [...concepts].sort().flatMap((concept) => conceptEntries(concept));
}
