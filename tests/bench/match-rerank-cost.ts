/**
 * What the re-rank costs a match, in process: the session-9 match (one statement:
 * lib/db matchPatternsWithDetails, limit 5) against the product's (lib/search matchPatterns:
 * the candidates, the re-rank in Node, then the counters and details of those shown), on the
 * same project of an embedded database, intents embedded beforehand, alternating A/B per intent
 * (the first 20 of the first round are warm-up). Reads the tuning intents' texts (never
 * held-out-4's, held-out-5's or held-out-6's). Wall and process CPU per match (PGlite runs in this process).
 *
 *   MOTIF_DATA_DIR=<data dir> npx tsx tests/bench/match-rerank-cost.ts <project slug>
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { asService, getDatabase, matchPatternsWithDetails, type Queryable } from "@/lib/db";
import { createBuiltinProvider, type EmbeddingProvider } from "@/lib/embed";
import { matchPatterns } from "@/lib/search";

const embedder = createBuiltinProvider();
const database = await getDatabase();
const [project] = await database.query<{ id: string }>(`select id from public.projects where slug = $1`, [process.argv[2] ?? "retry"]);
if (!project) throw new Error("no such project: give the slug of an ingested project");
const directory = path.resolve(import.meta.dirname, "../fixtures/intents");
const intents = readdirSync(directory).filter((file) => file.endsWith(".json") && !["held-out-4.json", "held-out-5.json", "held-out-6.json"].includes(file))
  .flatMap((file) => (JSON.parse(readFileSync(path.join(directory, file), "utf8")) as Array<{ intent: string }>).map((entry) => entry.intent)).slice(0, 300);
const vectors = new Map<string, Float32Array>();
const embedded: EmbeddingProvider = { ...embedder, embed: async (texts: string[]) => texts.map((text) => vectors.get(text)!) };
const runs = {
  "one statement (session 9)": (transaction: Queryable, intent: string) => matchPatternsWithDetails({
    transaction, projectId: project.id, embedding: vectors.get(intent)!, queryText: intent, filters: {}, limit: 5, minSimilarity: 0, occurrenceLimit: 50,
  }),
  "two statements and the re-rank": (transaction: Queryable, intent: string) => matchPatterns({ transaction, projectId: project.id, request: { intent, limit: 5 }, embedder: embedded }),
};
const totals = Object.fromEntries(Object.keys(runs).map((name) => [name, { wall: 0, cpu: 0 }]));
let measured = 0;
for (let round = 0; round < 2; round++) {
  for (const [index, intent] of intents.entries()) {
    const [vector] = await embedder.embed([intent]);
    vectors.set(intent, vector);
    const order = round % 2 ? Object.entries(runs).reverse() : Object.entries(runs);
    const counted = round > 0 || index >= 20;
    for (const [name, run] of order) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await asService(database, async (transaction) => void (await run(transaction, intent)));
      const used = process.cpuUsage(cpu);
      if (counted) { totals[name].wall += performance.now() - started; totals[name].cpu += (used.user + used.system) / 1000; }
    }
    if (counted) measured += 1;
  }
}
for (const [name, total] of Object.entries(totals)) console.log(`${name}: ${(total.wall / measured).toFixed(2)} ms wall, ${(total.cpu / measured).toFixed(2)} ms CPU per match (${measured} matches)`);
await database.close();
