import type { DesignPatternKind, Language } from "@/lib/domain";
import { designPatternFeatures } from "./detectors";
import { parserFor } from "./extract-file";
import type { UnitFeatures } from "./kind-model";
import { CodeLineIndex } from "./metrics/code-line-index";
import { mirrorTree, parseSource, type SyntaxNode } from "./syntax-tree";
import { buildUnit } from "./units/build-unit";
import { findUnits } from "./units/find-units";

/** One unit of a file as the kind classifier's trainer sees it. */
export interface UnitKindFeatures {
  qualname: string;
  startLine: number;
  /** The kinds the rule-based detectors report. */
  heuristicKinds: DesignPatternKind[];
  features: UnitFeatures;
}

/** What `kindFeaturesOfFile` reads. */
export interface KindFeaturesInput {
  file: string;
  source: string;
  language: Language;
  /**
   * More features of a unit, read from its syntax node in the same tree (no second parse) and
   * added to the classifier's own: how a trainer tries a feature family before it ships.
   */
  moreFeatures?: (node: SyntaxNode, language: Language) => UnitFeatures;
}

/**
 * The kind classifier's input for every unit of one file, read exactly as extraction reads
 * it (same parser, unit finder and detectors), without the classifier itself: what
 * `npm run train:kinds` learns from and evaluates on.
 */
export async function kindFeaturesOfFile(input: KindFeaturesInput): Promise<UnitKindFeatures[]> {
  const { file, source, language, moreFeatures } = input;
  const { tree, module } = parseSource(await parserFor(language), source);
  if (!tree) return [];
  const root = (() => {
    try {
      return mirrorTree(tree, source, module);
    } finally {
      tree.delete();
    }
  })();
  const found = findUnits({ root, source, language });
  const lines = new CodeLineIndex(source, found.comments);
  return found.units.map((draft) => {
    const unit = buildUnit({ draft, file, language, source, lines });
    const { heuristic, features } = designPatternFeatures({ node: draft.node, unit, language, fileImports: found.imports, source });
    if (moreFeatures) for (const [name, value] of moreFeatures(draft.node, language)) features.set(name, value);
    return { qualname: unit.qualname, startLine: unit.startLine, heuristicKinds: heuristic.map((match) => match.kind), features };
  });
}
