import { once } from "node:events";
import { closeSync, openSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import type { FileExtraction } from "@/lib/domain";
import type { ExtractionProgress } from "@/lib/extract";
import { useBatchJitFlags } from "../batch-jit-flags";
import { parseOptions } from "../parse-options";

const extractOptionsSchema = z.object({
  json: z.boolean().default(false),
  out: z.string().min(1).optional(),
  jobs: z.coerce.number().int().min(1).max(256),
  minQuality: z.coerce.number().min(0).max(1).optional(),
  maxComplexity: z.coerce.number().int().min(1).optional(),
  coverage: z.string().min(1).optional(),
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
});

type ExtractOptions = z.infer<typeof extractOptionsSchema>;

// A bar only where a person watches: a terminal, and never mixed into JSON output.
function progressReporter(options: ExtractOptions): ((progress: ExtractionProgress) => void) | undefined {
  if (options.json || !process.stderr.isTTY) return undefined;
  const bar = new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: "extracting [{bar}] {value}/{total} files {file}" });
  let started = false;
  return (progress) => {
    if (!started) bar.start(progress.total, 0, { file: "" });
    started = true;
    bar.update(progress.done, { file: progress.file });
    if (progress.done === progress.total) bar.stop();
  };
}

// Written in pieces as the run goes (a big result never exists as one string): each file's
// units as soon as the files before it are extracted, the rest when the run is done.
function jsonOutput(options: ExtractOptions): { write: (chunk: string) => void; close: () => void } | undefined {
  if (!options.json && !options.out) return undefined;
  const file = options.out ? openSync(path.resolve(options.out), "w") : undefined;
  return {
    write: (chunk) => {
      if (options.json) process.stdout.write(chunk);
      if (file !== undefined) writeSync(file, chunk);
    },
    close: () => file !== undefined && closeSync(file),
  };
}

async function runExtract(paths: string[], rawOptions: unknown): Promise<void> {
  const options = parseOptions(extractOptionsSchema, rawOptions);
  useBatchJitFlags();
  // Loaded on use, so other commands start without the extraction engine.
  const { extractPaths, PrintableJsonWriter } = await import("@/lib/extract");
  const { formatExtractionSummary } = await import("../extract-summary");
  const output = jsonOutput(options);
  try {
    const writer = output && new PrintableJsonWriter(output.write, options.maxComplexity);
    const onExtractedInPathOrder = writer && ((extraction: FileExtraction) => writer.addFile(extraction));
    const run = await extractPaths({ ...options, paths, cwd: process.cwd(), onProgress: progressReporter(options), onExtractedInPathOrder });
    writer?.finish(run);
    if (!options.json) process.stdout.write(`${formatExtractionSummary(run)}${options.out ? `Wrote ${options.out}\n` : ""}`);
  } finally {
    output?.close();
  }
  if (options.json && process.stdout.writableNeedDrain) await once(process.stdout, "drain");
}

/** `motif extract <path...>`: code units and patterns from source files, as a summary or JSON. */
export function registerExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("Extract code units and patterns from Python, TypeScript and JavaScript files")
    .argument("<path...>", "files or folders (folders honour .gitignore)")
    .option("--json", "print {units, patterns, relationships, stats, failures} as JSON on stdout")
    .option("-o, --out <file>", "also write the JSON to a file")
    .option("-j, --jobs <n>", "at most n worker threads (small runs use fewer; 1: none)", String(os.availableParallelism()))
    .option("--min-quality <score>", "keep patterns with a quality score of at least this (0-1)")
    .option("--max-complexity <n>", "keep units and patterns with cyclomatic complexity of at most this")
    .option("--coverage <file>", "test coverage report (lcov, coverage.py JSON or Cobertura XML)")
    .option("--include <glob...>", "only files matching these globs (relative to the working directory)")
    .option("--exclude <glob...>", "leave out files and folders matching these globs")
    .action(runExtract);
}
