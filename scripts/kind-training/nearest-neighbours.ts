/**
 * A kind classifier with nothing learned but a similarity: a unit's features weighted by TF-IDF
 * (binary term frequency, idf from the training units), L2-normalised, compared by cosine with
 * every training unit (labelled and background); a kind's score is the similarity-weighted share
 * of the k nearest that carry the kind (background neighbours vote for no kind).
 */
import type { Example } from "./dataset";
import { kinds } from "./fit";

/** The knobs of the neighbour vote. */
export interface NeighbourSettings {
  /** A feature must appear in at least this many training packages. */
  minPackages: number;
  /** Neighbours that vote. */
  k: number;
  /** Features in more than this share of training units are dropped (idf near zero; they cost the most). */
  maxDocumentShare: number;
  /** A background neighbour's vote counts this much (a labelled one counts 1). */
  backgroundWeight: number;
}

interface Indexed {
  idf: Map<string, number>;
  postings: Map<string, { unit: number; weight: number }[]>;
  training: readonly Example[];
}

function weightedVector(example: Example, idf: Map<string, number>): [string, number][] {
  const vector: [string, number][] = [];
  let norm = 0;
  for (const name of example.features.keys()) {
    const weight = idf.get(name);
    if (weight === undefined) continue;
    vector.push([name, weight]);
    norm += weight * weight;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return vector.map(([name, weight]) => [name, weight * scale]);
}

function indexTraining(training: readonly Example[], settings: NeighbourSettings): Indexed {
  const packages = new Map<string, Set<string>>();
  const documents = new Map<string, number>();
  for (const example of training) {
    for (const name of example.features.keys()) {
      (packages.get(name) ?? packages.set(name, new Set()).get(name)!).add(example.package);
      documents.set(name, (documents.get(name) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [name, count] of documents) {
    if (packages.get(name)!.size < settings.minPackages || count > settings.maxDocumentShare * training.length) continue;
    idf.set(name, Math.log(training.length / count));
  }
  const postings = new Map<string, { unit: number; weight: number }[]>();
  training.forEach((example, unit) => {
    for (const [name, weight] of weightedVector(example, idf)) (postings.get(name) ?? postings.set(name, []).get(name)!).push({ unit, weight });
  });
  return { idf, postings, training };
}

function vote(indexed: Indexed, example: Example, settings: NeighbourSettings): number[] {
  const similarity = new Float64Array(indexed.training.length);
  for (const [name, weight] of weightedVector(example, indexed.idf)) for (const posting of indexed.postings.get(name)!) similarity[posting.unit]! += weight * posting.weight;
  const nearest = [...similarity.keys()].filter((unit) => similarity[unit]! > 0).sort((a, b) => similarity[b]! - similarity[a]! || a - b).slice(0, settings.k);
  const scores = kinds.map(() => 0);
  let total = 0;
  for (const unit of nearest) {
    const neighbour = indexed.training[unit]!;
    const weight = similarity[unit]! * (neighbour.labelled ? 1 : settings.backgroundWeight);
    total += weight;
    kinds.forEach((kind, index) => {
      if (neighbour.kinds.has(kind)) scores[index]! += weight;
    });
  }
  return scores.map((score) => (total > 0 ? score / total : 0));
}

/** Indexes the training units; the returned function scores a unit by its neighbours among them. */
export function fitNeighbours(training: readonly Example[], settings: NeighbourSettings): (example: Example) => number[] {
  const indexed = indexTraining(training, settings);
  return (example) => vote(indexed, example, settings);
}
