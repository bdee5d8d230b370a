/**
 * Candidate re-rank parts measured beside lib/search's (fit-rerank.ts --parts name,...): each
 * reads only what the product's re-ranker has (the intent, and each candidate's name and
 * description as match_patterns returns them, with the other candidates of the same match).
 * A part that moves the left-out figures moves into lib/search rerankFeatures.
 */
import { contentStems, type RerankCandidate, type RerankIntent } from "@/lib/search";

/** What a candidate's description says of the unit it shows: its kind of unit, qualified name and file. */
export function describedUnit(description: string): { unitKind: string; qualname: string; file: string } {
  const head = /^([A-Za-z ]*?)`([^`]+)`/.exec(description);
  const file = /Defined once, in (\S+?)\.?(?:\s|$)/.exec(description)?.[1] ?? /Occurs \d+ times in \d+ files? \(([^,)]+)/.exec(description)?.[1] ?? "";
  return { unitKind: (head?.[1] ?? "").trim().toLowerCase(), qualname: head?.[2] ?? "", file };
}

function share(intent: RerankIntent, stems: Set<string>): number {
  let found = 0;
  for (let index = 0; index < intent.stems.length; index++) if (stems.has(intent.stems[index])) found += intent.weights[index];
  return intent.totalWeight > 0 ? found / intent.totalWeight : 0;
}

type Part = (intent: RerankIntent, candidate: RerankCandidate, list: readonly RerankCandidate[]) => number;

/** The parts by name. */
export const extraParts: Record<string, Part> = {
  // The intent's words (weighed) in the unit's qualified name, split.
  identifier_words: (intent, candidate) => share(intent, contentStems(describedUnit(candidate.description).qualname)),
  // … in the last segment of it (a method's own name, not its class's).
  own_words: (intent, candidate) => share(intent, contentStems(describedUnit(candidate.description).qualname.split(".").at(-1) ?? "")),
  // The intent's words found in the name only where the identifier does not hold them (a detected kind's label, "using X").
  foreign_name_words: (intent, candidate) => {
    const identifier = contentStems(describedUnit(candidate.description).qualname);
    return share(intent, new Set([...contentStems(candidate.name)].filter((stem) => !identifier.has(stem))));
  },
  // Share of the name's words that the identifier does not hold.
  foreign_name: (_intent, candidate) => {
    const identifier = contentStems(describedUnit(candidate.description).qualname);
    const name = [...contentStems(candidate.name)];
    return name.length ? name.filter((stem) => !identifier.has(stem)).length / name.length : 0;
  },
  is_class: (_intent, candidate) => (describedUnit(candidate.description).unitKind.endsWith("class") ? 1 : 0),
  is_function: (_intent, candidate) => (describedUnit(candidate.description).unitKind.endsWith("function") ? 1 : 0),
  // A method whose class is among the candidates.
  class_listed: (_intent, candidate, list) => {
    const { qualname, file } = describedUnit(candidate.description);
    const owner = qualname.split(".").slice(0, -1).join(".");
    if (!owner) return 0;
    return list.some((other) => { const unit = describedUnit(other.description); return unit.qualname === owner && unit.file === file; }) ? 1 : 0;
  },
  // A class with members among the candidates (up to 3, / 3).
  members_listed: (_intent, candidate, list) => {
    const { qualname, file, unitKind } = describedUnit(candidate.description);
    if (!unitKind.endsWith("class")) return 0;
    const members = list.filter((other) => { const unit = describedUnit(other.description); return unit.file === file && unit.qualname.startsWith(`${qualname}.`); }).length;
    return Math.min(members, 3) / 3;
  },
  // The encoder's own cosine (use-lite dumps; 0 otherwise).
  sentence: (_intent, candidate) => candidate.sentenceSimilarity ?? 0,
  // 1 / the encoder's own rank (use-lite dumps; 0 otherwise).
  encoder_rank: (_intent, candidate) => { const rank = (candidate as { encoderRank?: number | null }).encoderRank; return rank ? 1 / rank : 0; },
};
