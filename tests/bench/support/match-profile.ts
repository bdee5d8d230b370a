// Where the milliseconds of one match request go, stage by stage, on a database the match
// benchmark cached (BENCH_MATCH_CACHE=1). Copy the cache's pgdata folder first (one process
// per data dir), then:
//   MOTIF_DATA_DIR=/tmp/copy npx tsx tests/bench/support/match-profile.ts <cache>/manifest.json [label prefix,...]
// PROFILE_QUERIES (default 60) intents per filter set.
import { readFileSync } from "node:fs";
import { hashApiKey } from "@/lib/auth";
import {
  asService, getDatabase, getProjectByReference, listMatchDetailsByIds, markApiKeyUsedByHash, matchPatternScores,
  matchPatternsWithDetails, recordPatternMatchesByIds, withUser,
} from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { matchQueryTexts } from "@/lib/search";
import { summarize } from "./latency";
import { chooseFilterSets, loadIntents } from "./match-queries";

const manifest = JSON.parse(readFileSync(process.argv[2], "utf8")) as { saved: { projectId: string; userId: string; apiKey: string } };
const { projectId, userId, apiKey } = manifest.saved;
const claims = { role: "authenticated" as const, sub: userId, aud: "authenticated" };
const database = await getDatabase({ command: "match-profile" });
const embedder = createBuiltinProvider();
const durations = new Map<string, number[]>();

async function timed<T>(label: string, task: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await task();
  durations.set(label, [...(durations.get(label) ?? []), performance.now() - started]);
  return value;
}

const wanted = process.argv[3]?.split(",");
const sets = [{ label: "none", filters: {} }, ...(await chooseFilterSets(database, projectId))]
  .filter((set) => !wanted || wanted.some((prefix) => set.label.startsWith(prefix)));
for (const set of sets) {
  for (const intent of loadIntents().slice(0, Number(process.env.PROFILE_QUERIES ?? 60))) {
    const stage = (name: string) => `${set.label.padEnd(34)} ${name}`;
    // What a request pays when its API key is not in the verified-key cache.
    await timed(stage("0 api key lookup (uncached)"), () =>
      asService(database, (transaction) => markApiKeyUsedByHash({ transaction, keyHash: hashApiKey(apiKey) })));
    const texts = matchQueryTexts({ intent });
    const [embedding] = await timed(stage("1 embed"), () => embedder.embed([texts.embedding]));
    await timed(stage("2 transaction"), () => withUser(database, claims, async (transaction) => {
      await timed(stage("3 project"), () => getProjectByReference({ transaction, reference: projectId }));
      const scores = await timed(stage("4 match_patterns"), () => matchPatternScores({
        transaction, projectId, embedding, queryText: texts.keywords, filters: set.filters, limit: 5, minSimilarity: 0,
      }));
      const ids = scores.map((score) => score.id);
      await timed(stage("5 record"), () => recordPatternMatchesByIds({ transaction, ids }));
      await timed(stage("6 details"), () => listMatchDetailsByIds({ transaction, ids, occurrenceLimit: 50 }));
    }));
    // What the request runs now: 4-6 as one statement (lib/search matchPatterns).
    await timed(stage("7 transaction, one statement"), () => withUser(database, claims, async (transaction) => {
      await getProjectByReference({ transaction, reference: projectId });
      await timed(stage("8 match+record+details"), () => matchPatternsWithDetails({
        transaction, projectId, embedding, queryText: texts.keywords, filters: set.filters, limit: 5, minSimilarity: 0, occurrenceLimit: 50,
      }));
    }));
  }
}
for (const [label, sample] of [...durations].sort(([left], [right]) => left.localeCompare(right))) {
  const { p50, p95, p99 } = summarize(sample);
  process.stdout.write(`${label.padEnd(64)} p50 ${p50.toFixed(2).padStart(7)} p95 ${p95.toFixed(2).padStart(7)} p99 ${p99.toFixed(2).padStart(7)}\n`);
}
await database.close();
