import type { PatternMatch } from "@/lib/domain";
import type { DetectorContext } from "../detectors/detector";
import { FeatureSink, type UnitFeatures } from "./feature-sink";
import { addLexiconFeatures } from "./kind-lexicon";
import { addStructureFeatures } from "./structure-features";
import { addWordFeatures } from "./word-features";

/**
 * Everything the kind classifier reads about one unit: the words of its names and of what it
 * calls, stores, raises and catches; structural facts (returns self, waits in a loop, calls
 * each stored callback, `__enter__`/`__exit__`, generic over an entity…); and which kinds the
 * rule-based detectors reported (`h:<kind>`).
 */
export function unitFeatures(context: DetectorContext, heuristicMatches: readonly PatternMatch[]): UnitFeatures {
  const sink = new FeatureSink();
  addWordFeatures(context, sink);
  addLexiconFeatures(sink);
  addStructureFeatures(context, sink);
  for (const match of heuristicMatches) sink.flag(`h:${match.kind}`);
  return sink.features;
}
