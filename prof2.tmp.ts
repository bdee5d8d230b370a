import { readFileSync } from "node:fs";
import { openPostgresDatabase, withUser, matchPatternsWithDetails, matchPatternScores } from "@/lib/db";
import { processCpuMs } from "@/tests/bench/support/process-cpu";
const manifest = JSON.parse(readFileSync(process.argv[2], "utf8")).saved;
const db = openPostgresDatabase(process.env.DATABASE_URL!, { maxConnections: 1 });
const vec = JSON.parse(readFileSync("/tmp/i13/vec1.txt", "utf8")) as number[];
const claims = { role: "authenticated" as const, sub: manifest.userId };
const [{ pid }] = await db.query<{ pid: number }>("select pg_backend_pid() as pid");
const call = { projectId: manifest.projectId, embedding: vec, queryText: "retry a flaky http call with exponential backoff", filters: {}, limit: 5, minSimilarity: 0 };
for (const variant of ["details", "norelax", "details", "norelax"]) {
  const n = 30; const cpu0 = processCpuMs(pid); const node0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await withUser(db, claims, (t) => variant === "details" ? matchPatternsWithDetails({ transaction: t, ...call, occurrenceLimit: 50 }) : matchPatternsWithDetails({ transaction: { ...t, driver: undefined }, ...call, occurrenceLimit: 50 }));
  const node = process.cpuUsage(node0);
  console.log(variant, "wall ms/req", ((performance.now() - t0) / n).toFixed(1), "backend cpu ms/req", ((processCpuMs(pid) - cpu0) / n).toFixed(2), "node cpu ms/req", ((node.user + node.system) / 1000 / n).toFixed(2));
}
await db.close();
