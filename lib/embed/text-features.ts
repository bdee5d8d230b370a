import { findConcepts } from "./concept-index";
import { splitIdentifier } from "./split-identifier";
import { stemWord } from "./stem-word";
import { wordWeight } from "./word-weight";

/** Relative weights of the three feature families of the built-in embedder. */
export const featureFamilyWeights = { word: 1, bigram: 0.4, concept: 0.9 };

function add(features: Map<string, number>, key: string, weight: number): void {
  if (weight > 0) features.set(key, (features.get(key) ?? 0) + weight);
}

/**
 * The weighted features of a text: stemmed words (`w:`), adjacent meaningful word pairs
 * (`b:`) and thesaurus concepts (`c:`). Repeated features grow logarithmically, so a word
 * said ten times does not drown the words said once.
 */
export function textFeatures(text: string): Map<string, number> {
  const stems = splitIdentifier(text).map(stemWord);
  const raw = new Map<string, number>();
  let previous: { stem: string; weight: number } | undefined;
  for (const stem of stems) {
    const weight = wordWeight(stem);
    add(raw, `w:${stem}`, weight * featureFamilyWeights.word);
    if (weight === 0) continue;
    if (previous && previous.stem !== stem) {
      add(raw, `b:${previous.stem} ${stem}`, Math.min(previous.weight, weight) * featureFamilyWeights.bigram);
    }
    previous = { stem, weight };
  }
  for (const mention of findConcepts(stems)) {
    add(raw, `c:${mention.concept}`, mention.weight * featureFamilyWeights.concept);
  }
  const features = new Map<string, number>();
  for (const [key, sum] of raw) features.set(key, sum > 1 ? 1 + Math.log(sum) : sum);
  return features;
}
