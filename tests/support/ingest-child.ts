// A process that ingests a large extraction into a data dir (MOTIF_DATA_DIR) and says where it
// is on stdout: "writing" once the one write transaction has begun, "done" when it committed.
// The crash test kills it with SIGKILL in between.
import { getDatabase } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import type { ExtractedPattern } from "@/lib/domain";
import { ingestAsOperator } from "@/lib/ingest";
import { sampleExtraction } from "@/tests/db/support/ingest-fixture";

const count = Number(process.argv[2] ?? 4000);
const base = sampleExtraction();
const patterns: ExtractedPattern[] = Array.from({ length: count }, (_, index) => {
  const pattern = base.patterns[index % base.patterns.length];
  return {
    ...pattern,
    key: `${pattern.key}-${index}`,
    name: `${pattern.name} ${index}`,
    occurrences: pattern.occurrences.map((occurrence) => ({ ...occurrence, file: `module${index}/${occurrence.file}` })),
  };
});
const database = await getDatabase({ command: "ingest crash test" });
await ingestAsOperator({
  database,
  slug: "crash",
  result: { ...base, patterns, relationships: [] },
  embedder: createBuiltinProvider(),
  onProgress: (progress) => {
    if (progress.phase === "staging") process.stdout.write("writing\n");
  },
});
process.stdout.write("done\n");
await database.close();
