import type { MatchDetailRow } from "@/lib/db";

// Cyclomatic complexity from which a unit is hard to reuse as it is (radon grades C and worse).
const complexLimit = 10;

function outcomeAdvice(pattern: MatchDetailRow): string {
  const outcomes = pattern.success_count + pattern.failure_count;
  if (outcomes > 0) {
    const line = `used successfully ${pattern.success_count}/${outcomes} times`;
    return pattern.failure_count > pattern.success_count ? `${line}: it failed more often than it worked, read those reports before reusing it` : line;
  }
  if (pattern.usage_count > 0) return `used ${pattern.usage_count} time${pattern.usage_count === 1 ? "" : "s"}, no outcome reported yet`;
  return "no recorded use yet: report how it went when you use it";
}

function complexityAdvice(pattern: MatchDetailRow, peers: readonly MatchDetailRow[]): string | undefined {
  if (pattern.complexity === null || pattern.complexity < complexLimit) return undefined;
  const variants = [
    ...pattern.similar,
    ...peers.filter((peer) => peer.id !== pattern.id && pattern.kind !== null && peer.kind === pattern.kind),
  ].filter((variant) => variant.status !== "archived" && variant.complexity !== null && variant.complexity < pattern.complexity!);
  const simplest = variants.sort((left, right) => left.complexity! - right.complexity!)[0];
  if (simplest) return `complexity ${pattern.complexity}: consider the simpler variant "${simplest.name}" (complexity ${simplest.complexity})`;
  return `complexity ${pattern.complexity}: ${complexLimit} or more paths, split it before reusing it`;
}

function coverageAdvice(pattern: MatchDetailRow): string | undefined {
  if (pattern.test_coverage_score === null) return "test coverage unknown: no coverage report was ingested";
  if (pattern.test_coverage_score < 0.5) return `test coverage ${Math.round(pattern.test_coverage_score * 100)}%: add tests around it when you reuse it`;
  return undefined;
}

function standingAdvice(pattern: MatchDetailRow): string[] {
  const advice: string[] = [];
  if (pattern.status === "deprecated") {
    advice.push(pattern.superseded_by ? `deprecated: superseded by pattern ${pattern.superseded_by}` : "deprecated: prefer another pattern");
  }
  if (pattern.contradiction_count > pattern.validation_count) {
    advice.push(`contradicted ${pattern.contradiction_count} times, confirmed ${pattern.validation_count} times`);
  }
  if (pattern.documentation_score !== null && pattern.documentation_score < 0.25) {
    advice.push(`documentation ${pattern.documentation_score.toFixed(2)}: write down its contract when you reuse it`);
  }
  if (pattern.occurrence_count === 0) advice.push("its code is no longer in the repository (every occurrence removed)");
  else if (pattern.occurrence_count > 1) advice.push(`already in ${pattern.occurrence_count} places in the code`);
  return advice;
}

/**
 * Advice derived from a matched pattern's own record: outcomes of its use, complexity (with a
 * simpler variant among its SIMILAR_TO neighbours or the other matches of its kind), test
 * coverage, documentation, deprecation, contradictions and how widely it is used.
 */
export function recommendationsFor(pattern: MatchDetailRow, peers: readonly MatchDetailRow[]): string[] {
  return [outcomeAdvice(pattern), complexityAdvice(pattern, peers), coverageAdvice(pattern), ...standingAdvice(pattern)].filter(
    (advice): advice is string => advice !== undefined,
  );
}
