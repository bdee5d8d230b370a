import { getEnvironment } from "@/lib/env";
import { jsonResponse, routeHandler } from "@/lib/http";
import { ingestMemoryFolder, warmedAtStart, warmRecentRepositories } from "@/lib/ingest";
import { operatorDatabase } from "@/lib/operator";
import { patternEmbeddingProvider } from "@/lib/patterns";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const log = (line: string) => process.stderr.write(`motif: ${line}\n`);

/**
 * POST /api/operator/warm-memory (operator token only): `motif serve` asks it of itself once
 * it listens. In the background, this process builds its memory of the repositories ingested
 * most recently (the stored extractions read, the repository clustered, the write's last rows
 * from the data dir's memory file), so that the first re-ingest after a restart does only what
 * its change reaches; an ingest of one of them meanwhile waits for it. Answers 202 at once.
 */
export const POST = routeHandler(async (request) => {
  const database = await operatorDatabase(request);
  void warmRecentRepositories({
    database, embedder: patternEmbeddingProvider(), folder: ingestMemoryFolder(getEnvironment()), limit: warmedAtStart,
    onWarmed: ({ repository, outcome, ms }) => {
      if (outcome) log(`memory of repository "${repository}" built (${outcome.files} files, ${outcome.patterns} patterns) in ${(ms / 1000).toFixed(2)} s`);
    },
    onError: (error) => log(`memory not built: ${error.message}`),
  }).catch((error: Error) => log(`memory not built: ${error.message}`));
  return jsonResponse({ warming: true }, { status: 202 });
});
