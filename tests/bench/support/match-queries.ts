import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/lib/db";
import type { DesignPatternKind, MatchFilters } from "@/lib/domain";

const repository = path.resolve(import.meta.dirname, "../../..");

/** Developer intents as people write them (tests/fixtures/intents/*.json). */
export function loadIntents(): string[] {
  const folder = path.join(repository, "tests/fixtures/intents");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => (JSON.parse(readFileSync(path.join(folder, name), "utf8")) as Array<{ intent: string }>).map((item) => item.intent));
}

/** Filters as clients send them, from broad to narrow, chosen from what the data holds. */
export async function chooseFilterSets(database: Database, projectId: string): Promise<Array<{ label: string; filters: MatchFilters }>> {
  const [kind] = await database.query<{ kind: string; share: number }>(
    `select kind, count(*)::float / (select count(*) from public.patterns where project_id = $1) as share
     from public.patterns where project_id = $1 and kind is not null group by kind order by count(*) desc limit 1`,
    [projectId],
  );
  const [tag] = await database.query<{ tag: string }>(
    `select tag from public.patterns, unnest(tags) tag where project_id = $1 group by tag order by count(*) desc offset 3 limit 1`,
    [projectId],
  );
  return [
    { label: "languages=[python]", filters: { languages: ["python"] } },
    { label: "min_quality_score=0.6", filters: { min_quality_score: 0.6 } },
    { label: `tags=[${tag.tag}]`, filters: { tags: [tag.tag] } },
    { label: "pattern_types=[class_pattern]", filters: { pattern_types: ["class_pattern"] } },
    { label: `kinds=[${kind.kind}] (${(kind.share * 100).toFixed(1)}%)`, filters: { kinds: [kind.kind as DesignPatternKind] } },
  ];
}

/** The share of `exact` ids that `approximate` found (recall@k). */
export function recallOf(approximate: readonly string[], exact: readonly string[]): number {
  if (exact.length === 0) return 1;
  const found = new Set(approximate);
  return exact.filter((id) => found.has(id)).length / exact.length;
}
