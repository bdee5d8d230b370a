import os from "node:os";
import type { Command } from "commander";
import { z } from "zod";
import type { IngestProgress, IngestSummary } from "@/lib/ingest";
import { parseOptions } from "../parse-options";

const ingestOptionsSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use 2-63 lowercase letters, digits and dashes"),
  json: z.boolean().default(false),
  jobs: z.coerce.number().int().min(1).max(256),
  repository: z.string().max(300).default(""),
  coverage: z.string().min(1).optional(),
  commit: z.string().regex(/^[0-9a-f]{7,64}$/, "must be a hex commit sha").optional(),
});

type IngestResult = IngestSummary & { project: { slug: string; created: boolean } };

// Phases on stderr, one line each, only where a person watches (a terminal, not --json).
function progressLine(enabled: boolean) {
  let last = "";
  return (text: string) => {
    if (!enabled || text === last) return;
    last = text;
    process.stderr.write(`\r\x1b[2K${text}`);
  };
}

function describeIngestProgress(progress: IngestProgress): string {
  if (progress.phase === "embedding") return `embedding ${progress.done}/${progress.total} patterns`;
  if (progress.phase === "done") return "";
  return `${progress.phase} ${progress.total} patterns`;
}

function printSummary(result: IngestResult): void {
  const { patterns, occurrences, relationships } = result;
  process.stdout.write(
    `${result.project.created ? "Created" : "Updated"} project ${result.project.slug}\n` +
      `Patterns: ${patterns.received} extracted, ${patterns.created} new, ${patterns.updated} changed, ${patterns.unchanged} unchanged\n` +
      `Occurrences: ${occurrences.received} found, ${occurrences.added} added, ${occurrences.moved} moved, ` +
      `${occurrences.revived} back, ${occurrences.removed} gone\n` +
      `Relationships: ${relationships.created} new, ${relationships.updated} changed, ${relationships.removed} gone; ${result.events} events; ` +
      `${result.embedded} embedded with ${result.embedding_model} in ${(result.timings_ms.total / 1000).toFixed(1)} s\n`,
  );
}

async function runIngest(paths: string[], rawOptions: unknown): Promise<void> {
  const options = parseOptions(ingestOptionsSchema, rawOptions);
  const show = progressLine(!options.json && process.stderr.isTTY === true);
  const cwd = process.cwd();
  // Loaded on use, so that `motif --help` and other commands start fast.
  const [{ createEmbeddingProvider }, { extractPaths }, { ingestAsOperator, ingestScope, slimForIngest }, { withDatabaseAccess }] =
    await Promise.all([import("@/lib/embed"), import("@/lib/extract"), import("@/lib/ingest"), import("../database-access")]);
  const extraction = await extractPaths({
    paths, cwd, jobs: options.jobs, coverage: options.coverage,
    onProgress: (progress) => show(`extracting ${progress.done}/${progress.total} files`),
  });
  const request = { slug: options.project, repository: options.repository, scope: ingestScope(paths, cwd), commitSha: options.commit };
  const result = await withDatabaseAccess<IngestResult>({
    direct: (database) => ingestAsOperator({
      database, ...request, result: extraction, embedder: createEmbeddingProvider(),
      onProgress: (progress) => show(describeIngestProgress(progress)),
    }),
    viaServer: async (fetchOwner) => {
      show(`sending ${extraction.patterns.length} patterns to the server`);
      const body = { project: request.slug, repository: request.repository, scope: request.scope, commit_sha: request.commitSha, result: slimForIngest(extraction) };
      const response = await fetchOwner("/api/operator/ingest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return (await response.json()) as IngestResult;
    },
  });
  show("");
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printSummary(result);
}

/** `motif ingest <path...> --project <slug>`: extract, embed and store patterns in a project. */
export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("Extract patterns from code and store them in a project (created if new); re-ingesting the same code changes nothing")
    .argument("<path...>", "files or folders (folders honour .gitignore); stored paths are relative to the working directory")
    .requiredOption("-p, --project <slug>", "project slug")
    .option("--json", "print the ingest summary as JSON")
    .option("-j, --jobs <n>", "worker threads for extraction", String(os.availableParallelism()))
    .option("--repository <name>", "repository name, when a project holds several", "")
    .option("--coverage <file>", "test coverage report (lcov, coverage.py JSON or Cobertura XML)")
    .option("--commit <sha>", "commit the code is at, stored with new occurrences")
    .action(runIngest);
}
