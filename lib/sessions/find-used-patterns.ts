import { listNearestPatterns, listPatternsByFingerprints, type Queryable, type SessionPatternCandidate } from "@/lib/db";
import { embeddingTextForUnit, type EmbeddingProvider } from "@/lib/embed";
import type { CodeUnit, SessionPatternUse } from "@/lib/domain";
import { detectLanguage, extractSource } from "@/lib/extract";
import type { WrittenCode } from "./session-trace";

/** Least cosine similarity for written code to use a pattern on meaning alone. */
export const usedSimilarity = 0.85;
/** Least similarity for code the detectors find the same design-pattern kind in. */
export const sameKindSimilarity = 0.6;

// An edit's new text is often an indented fragment of a method: parse it as if at the margin.
function dedent(code: string): string {
  const indents = code.split("\n").filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const margin = indents.length > 0 ? Math.min(...indents) : 0;
  return code.split("\n").map((line) => line.slice(Math.min(margin, /^[ \t]*/.exec(line)![0].length))).join("\n");
}

/** The code units (functions, methods, classes) in what a session wrote, each with its file. */
export async function unitsOfWrittenCode(written: WrittenCode[]): Promise<Array<{ file: string; unit: CodeUnit }>> {
  const found: Array<{ file: string; unit: CodeUnit }> = [];
  for (const { file, code } of written) {
    const language = detectLanguage(file);
    if (!language || !code.trim()) continue;
    const outcome = await extractSource({ file, language, bytes: new TextEncoder().encode(dedent(code)) });
    if (outcome.status === "extracted") for (const unit of outcome.extraction.units) found.push({ file, unit });
  }
  return found;
}

function use(candidate: SessionPatternCandidate, file: string, unit: CodeUnit, matchedBy: SessionPatternUse["matched_by"]): SessionPatternUse {
  return { pattern_id: candidate.id, name: candidate.name, kind: candidate.kind, matched_by: matchedBy, similarity: Math.round(candidate.similarity * 1000) / 1000, file, qualname: unit.qualname, rating: null, comment: null };
}

/**
 * The project's patterns a session's code uses: a written unit with a pattern's structural
 * fingerprint uses it; so does a unit in which the detectors find a design-pattern kind, for the
 * nearest pattern of that kind (by the embedding of the unit's text, as the extractor embeds
 * units) at {@link sameKindSimilarity} or more; and the nearest pattern at
 * {@link usedSimilarity} or more on meaning alone. One entry per pattern, the closest unit kept.
 * (On the Claude Code fixture, the new retry client is 0.73 from the retry pattern it copies and
 * its test 0.55.)
 */
export async function findUsedPatterns({ transaction, projectId, written, embedder }: { transaction: Queryable; projectId: string; written: WrittenCode[]; embedder: EmbeddingProvider }): Promise<SessionPatternUse[]> {
  const units = await unitsOfWrittenCode(written);
  if (units.length === 0) return [];
  const byFingerprint = await listPatternsByFingerprints({ transaction, projectId, fingerprints: [...new Set(units.map(({ unit }) => unit.fingerprint))] });
  const vectors = await embedder.embed(units.map(({ unit }) => embeddingTextForUnit(unit)));
  const uses = new Map<string, SessionPatternUse>();
  for (const [index, { file, unit }] of units.entries()) {
    const same = byFingerprint.filter((candidate) => candidate.fingerprint === unit.fingerprint).map((candidate) => use(candidate, file, unit, "fingerprint"));
    const nearest = await listNearestPatterns({ transaction, projectId, vector: `[${Array.from(vectors[index]).join(",")}]`, limit: 3 });
    const kinds = new Set(unit.patterns.map((match) => match.kind as string));
    const sameKind = nearest.find((candidate) => candidate.kind !== null && kinds.has(candidate.kind) && candidate.similarity >= sameKindSimilarity);
    const near = [
      ...(sameKind ? [use(sameKind, file, unit, "kind")] : []),
      ...(nearest[0] && nearest[0].similarity >= usedSimilarity ? [use(nearest[0], file, unit, "embedding")] : []),
    ];
    for (const found of [...same, ...near]) {
      const previous = uses.get(found.pattern_id);
      if (!previous || found.similarity > previous.similarity) uses.set(found.pattern_id, found);
    }
  }
  return [...uses.values()].sort((left, right) => right.similarity - left.similarity);
}
