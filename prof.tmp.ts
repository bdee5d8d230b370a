import { readFileSync } from "node:fs";
import { openPostgresDatabase, withUser, matchPatternsWithDetails } from "@/lib/db";
const manifest = JSON.parse(readFileSync(process.argv[2], "utf8")).saved;
const db = openPostgresDatabase(process.env.DATABASE_URL!, { maxConnections: 1 });
const vec = JSON.parse(readFileSync("/tmp/i13/vec1.txt", "utf8")) as number[];
const claims = { role: "authenticated" as const, sub: manifest.userId };
for (let i = 0; i < 8; i++) {
  const explain = i >= 6;
  if (i === 6) await db.exec(`load 'auto_explain'; set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_buffers = on; set auto_explain.log_nested_statements = off`);
  if (i === 7) await db.exec(`set auto_explain.log_nested_statements = on`);
  const started = performance.now();
  await withUser(db, claims, async (t) => {
    await matchPatternsWithDetails({ transaction: t, projectId: manifest.projectId, embedding: vec, queryText: "retry a flaky http call with exponential backoff", filters: {}, limit: 5, minSimilarity: 0, occurrenceLimit: 50 });
  });
  console.log(i, (performance.now() - started).toFixed(1), "ms");
}
await db.close();
