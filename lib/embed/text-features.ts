import { findConcepts } from "./concept-index";
import { splitIdentifier } from "@/lib/words";
import { stemWord } from "./stem-word";
import { wordWeight } from "./word-weight";

/** Relative weights of the three feature families of the built-in embedder. */
export const featureFamilyWeights = { word: 1, bigram: 0.4, concept: 2.5 };

/**
 * Weights of the labelled lines that embeddingTextForUnit/Pattern write ("calls: ...").
 * A unit's name and docstring summary say what it does; its calls and body words only
 * hint at it, and at full weight their sheer number would drown the summary.
 */
export const fieldWeights: Record<string, number> = {
  details: 0.5,
  description: 0.5,
  parameters: 0.6,
  decorators: 0.8,
  extends: 0.7,
  calls: 0.45,
  implements: 1,
  kind: 1,
  tags: 0.8,
  "occurs as": 0.8,
  "depends on": 0.4,
  body: 0.35,
  code: 0.35,
};

/** Word weight at or above which a word names its concepts fully ("make" says factory only faintly). */
const conceptFullWeight = 0.8;

/**
 * How much the concepts of a labelled line count, beyond the line's own weight. Concepts
 * are the bridge between different wordings of one idea; a unit's calls, body words and
 * generated description name many ideas in passing (a logger, a config lookup) and, at
 * full weight, would blur the few the unit is about.
 */
export const conceptFieldWeights: Record<string, number> = {
  details: 0.5,
  description: 0.3,
  parameters: 0.5,
  calls: 0.3,
  "depends on": 0.3,
  body: 0.3,
  code: 0.3,
  // The kind and tags come from detectors that fire on broad evidence (any class with
  // get/set is "repository", any wrapper "decorator"): a hint, not the unit's main idea.
  kind: 0.3,
  tags: 0.3,
  "occurs as": 0.5,
};

function add(features: Map<string, number>, key: string, weight: number): void {
  if (weight > 0) features.set(key, (features.get(key) ?? 0) + weight);
}

function addLine(features: Map<string, number>, line: string): void {
  const label = /^([a-z ]+): /.exec(line)?.[1];
  const scale = label !== undefined ? (fieldWeights[label] ?? 1) : 1;
  const stems = splitIdentifier(label !== undefined && label in fieldWeights ? line.slice(label.length + 2) : line).map(stemWord);
  let previous: { stem: string; weight: number } | undefined;
  for (const stem of stems) {
    const weight = wordWeight(stem) * scale;
    add(features, `w:${stem}`, weight * featureFamilyWeights.word);
    if (weight === 0) continue;
    if (previous && previous.stem !== stem) {
      add(features, `b:${previous.stem} ${stem}`, Math.min(previous.weight, weight) * featureFamilyWeights.bigram);
    }
    previous = { stem, weight };
  }
  for (const mention of findConcepts(stems)) {
    const said = stems.slice(mention.position, mention.position + mention.length);
    const specificity = Math.min(1, Math.max(...said.map(wordWeight)) / conceptFullWeight);
    const conceptScale = label !== undefined ? (conceptFieldWeights[label] ?? 1) : 1;
    add(features, `c:${mention.concept}`, mention.weight * specificity * scale * conceptScale * featureFamilyWeights.concept);
  }
}

/**
 * The weighted features of a text: stemmed words (`w:`), adjacent meaningful word pairs
 * (`b:`) and thesaurus concepts (`c:`), each line weighted by its label (fieldWeights).
 * Repeated features grow logarithmically, so a word said ten times does not drown the
 * words said once.
 */
export function textFeatures(text: string): Map<string, number> {
  const raw = new Map<string, number>();
  for (const line of text.split("\n")) addLine(raw, line);
  const features = new Map<string, number>();
  for (const [key, sum] of raw) features.set(key, sum > 1 ? 1 + Math.log(sum) : sum);
  return features;
}
