import { splitIdentifier } from "@/lib/words";
import { stemWord } from "./stem-word";
import { thesaurus } from "./thesaurus";
import { everydayThesaurus } from "./thesaurus-everyday";

/** One concept a text mentions, with the weight of the entry that mentioned it. */
export interface ConceptMention {
  concept: string;
  weight: number;
  /** Where the entry starts among the stems, and how many stems it spans. */
  position: number;
  length: number;
  /** Whether the entry is a strong one (not marked "~" in the thesaurus) that names only this concept. */
  strong: boolean;
}

interface PhraseEntry {
  stems: string[];
  concept: string;
  weight: number;
}

const strongEntriesByConcept = new Map<string, string[]>();

// Entries are indexed by their first stem; a phrase ("try again") is checked at every
// position whose stem starts it, so lookup stays linear in the text's length.
const entriesByFirstStem = new Map<string, PhraseEntry[]>();

const conceptIds = [...new Set([...Object.keys(thesaurus), ...Object.keys(everydayThesaurus)])];
for (const concept of conceptIds) {
  const entries = [thesaurus[concept], everydayThesaurus[concept]].filter(Boolean).join(",");
  for (const rawEntry of entries.split(",")) {
    const entry = rawEntry.trim();
    if (!entry) continue;
    const weak = entry.startsWith("~");
    if (!weak) strongEntriesByConcept.set(concept, [...(strongEntriesByConcept.get(concept) ?? []), entry]);
    const stems = splitIdentifier(weak ? entry.slice(1) : entry).map(stemWord);
    if (stems.length === 0) continue;
    const list = entriesByFirstStem.get(stems[0]) ?? [];
    list.push({ stems, concept, weight: weak ? 0.5 : 1 });
    entriesByFirstStem.set(stems[0], list);
  }
}

function matchesAt(stems: string[], position: number, phrase: string[]): boolean {
  for (let offset = 1; offset < phrase.length; offset++) {
    if (stems[position + offset] !== phrase[offset]) return false;
  }
  return true;
}

/**
 * The concepts a stemmed text mentions, one mention per matching entry and position.
 * A word listed under several concepts splits its weight among them (1/√n each), so an
 * ambiguous word ("store": cache or repository) pulls less than an unambiguous one.
 */
export function findConcepts(stems: string[]): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  for (let position = 0; position < stems.length; position++) {
    const candidates = entriesByFirstStem.get(stems[position]);
    if (!candidates) continue;
    const matched = candidates.filter((entry) => matchesAt(stems, position, entry.stems));
    const concepts = new Set(matched.map((entry) => entry.concept));
    const share = 1 / Math.sqrt(concepts.size || 1);
    for (const entry of matched) {
      mentions.push({ concept: entry.concept, weight: entry.weight * share, position, length: entry.stems.length, strong: entry.weight === 1 && concepts.size === 1 });
    }
  }
  return mentions;
}

/** The strong entries (words and phrases as written) the thesaurus lists for a concept. */
export function conceptEntries(concept: string): string[] {
  return strongEntriesByConcept.get(concept) ?? [];
}

/** The number of entries in the shipped thesaurus (reported by tests and benchmarks). */
export function thesaurusEntryCount(): number {
  let count = 0;
  for (const list of entriesByFirstStem.values()) count += list.length;
  return count;
}
