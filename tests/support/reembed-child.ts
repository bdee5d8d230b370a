// A process that owns a data dir (MOTIF_DATA_DIR). "seed": ingests the sample with the
// built-in model. "reembed": re-embeds project "crash" with a slow test model, one pattern
// per batch, saying "batch <processed>" after each committed batch. The crash test kills it
// with SIGKILL after the first.
import { setTimeout as sleep } from "node:timers/promises";
import { asService, getDatabase, getOperatorProjectBySlug } from "@/lib/db";
import { createBuiltinProvider, type EmbeddingProvider } from "@/lib/embed";
import { ingestAsOperator } from "@/lib/ingest";
import { reembedNow } from "@/lib/jobs";
import { sampleExtraction } from "@/tests/db/support/ingest-fixture";

/** The test model: the built-in vectors reversed (still unit length), slowly. */
export const slowModel = (delayMs: number): EmbeddingProvider => {
  const builtin = createBuiltinProvider();
  return {
    id: "test:reversed-v1",
    dimensions: 384,
    embed: async (texts) => {
      await sleep(delayMs);
      return (await builtin.embed(texts)).map((vector) => Float32Array.from(vector).reverse());
    },
  };
};

if (process.argv[1]?.endsWith("reembed-child.ts")) {
  const database = await getDatabase({ command: "reembed crash test" });
  if (process.argv[2] === "seed") {
    await ingestAsOperator({ database, slug: "crash", result: sampleExtraction(), embedder: createBuiltinProvider() });
  } else {
    const project = await asService(database, (transaction) => getOperatorProjectBySlug({ transaction, slug: "crash" }));
    await reembedNow({
      database, projectId: project!.id, embedder: slowModel(400), batchSize: 1,
      onProgress: (progress) => progress.processed > 0 && process.stdout.write(`batch ${progress.processed}\n`),
    });
  }
  process.stdout.write("done\n");
  await database.close();
}
