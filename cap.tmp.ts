import { readFileSync, writeFileSync } from "node:fs";
import { matchPatternsWithDetails } from "@/lib/db";
const manifest = JSON.parse(readFileSync(process.argv[2], "utf8")).saved;
const vec = JSON.parse(readFileSync("/tmp/i13/vec1.txt", "utf8")) as number[];
await matchPatternsWithDetails({ transaction: { driver: "postgres", query: async (text: string, params: unknown[]) => {
  const lit = (v: unknown) => typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  writeFileSync("/tmp/i13/details.sql", `prepare m(extensions.vector, text, uuid, jsonb, int, float8, int) as ${text.replace(/\$1::extensions.vector/, "$1").replace(/\$4::jsonb/, "$4")};\n`);
  writeFileSync("/tmp/i13/details-exec.sql", `execute m(${params.map(lit).join(", ")});\n`);
  return [];
}, exec: async () => {}, copyBinary: async () => {} } as never, projectId: manifest.projectId, embedding: vec, queryText: "retry a flaky http call with exponential backoff", filters: {}, limit: 5, minSimilarity: 0, occurrenceLimit: 50 });
