/**
 * Where a match's Node CPU goes, in process against one ingested project (real Postgres with
 * DATABASE_URL, else embedded): A the session-9 single statement (lib/db matchPatternsWithDetails),
 * B the product (lib/search matchPatterns: candidates, re-rank, details), C the product's two
 * statements without the re-rank (30 candidates, then details of 5), D the same with 5
 * candidates, E the 30 candidates alone. Intents embedded beforehand; order alternated; the first
 * of three rounds is warm-up. Reads tuning intents only.
 *
 *   DATABASE_URL=<url> npx tsx tests/bench/match-cost-parts.ts <project slug>   (ONLY=B: one variant)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { asService, getDatabase, listMatchCandidates, matchPatternsWithDetails, recordMatchDetailsByIds, type Queryable } from "@/lib/db";
import { createBuiltinProvider, type EmbeddingProvider } from "@/lib/embed";
import { matchPatterns } from "@/lib/search";
const embedder = createBuiltinProvider();
const database = await getDatabase();
const [project] = await database.query<{ id: string }>(`select id from public.projects where slug = $1`, [process.argv[2] ?? "retry"]);
const directory = path.resolve(import.meta.dirname, "../fixtures/intents");
const intents = ["concurrency.json", "data-and-text.json", "held-out.json"].flatMap((file) => (JSON.parse(readFileSync(path.join(directory, file), "utf8")) as Array<{ intent: string }>).map((entry) => entry.intent)).slice(0, 200);
const vectors = new Map<string, Float32Array>();
for (const intent of intents) vectors.set(intent, (await embedder.embed([intent]))[0]);
const embedded: EmbeddingProvider = { ...embedder, embed: async (texts: string[]) => texts.map((text) => vectors.get(text)!) };
const base = (transaction: Queryable, intent: string) => ({ transaction, projectId: project.id, embedding: vectors.get(intent)!, queryText: intent, filters: {}, minSimilarity: 0 });
const all: Record<string, (transaction: Queryable, intent: string) => Promise<unknown>> = {
  "A one statement": (t, i) => matchPatternsWithDetails({ ...base(t, i), limit: 5, occurrenceLimit: 50 }),
  "B product": (t, i) => matchPatterns({ transaction: t, projectId: project.id, request: { intent: i, limit: 5 }, embedder: embedded }),
  "C candidates 30 + details": async (t, i) => { const c = await listMatchCandidates({ ...base(t, i), limit: 30, candidateLimitFor: 5 }); return recordMatchDetailsByIds({ transaction: t, ids: c.slice(0, 5).map((r) => r.id), occurrenceLimit: 50 }); },
  "D candidates 5 + details": async (t, i) => { const c = await listMatchCandidates({ ...base(t, i), limit: 5, candidateLimitFor: 5 }); return recordMatchDetailsByIds({ transaction: t, ids: c.slice(0, 5).map((r) => r.id), occurrenceLimit: 50 }); },
  "E candidates 30 only": (t, i) => listMatchCandidates({ ...base(t, i), limit: 30, candidateLimitFor: 5 }),
};
const runs = process.env.ONLY ? Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith(process.env.ONLY!))) : all;
const totals = Object.fromEntries(Object.keys(runs).map((name) => [name, 0]));
for (let round = 0; round < 3; round++) for (const intent of intents) {
  const names = Object.keys(runs); if ((round + intents.indexOf(intent)) % 2) names.reverse();
  for (const name of names) {
    const cpu = process.cpuUsage();
    await asService(database, async (transaction) => void (await runs[name](transaction, intent)));
    const used = process.cpuUsage(cpu);
    if (round > 0) totals[name] += (used.user + used.system) / 1000;
  }
}
for (const [name, total] of Object.entries(totals)) console.log(`${name}: ${(total / (2 * intents.length)).toFixed(2)} ms CPU`);
await database.close();
