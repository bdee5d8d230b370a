import { z } from "zod";

/** The layout of an ingest memory file; a file of another layout is ignored. */
export const ingestMemoryFileFormat = 1;

/**
 * What a one-shot `motif ingest` keeps of a repository's last ingest in a file under the
 * data dir (`lib/ingest/persisted-ingest-memory.ts`): the rows it wrote in comparable form and
 * the project's state digest right after it. Read back, it is checked against this schema,
 * then used only while the extractor version and the stored state digest still match.
 */
export const ingestMemoryFileSchema = z.object({
  format: z.literal(ingestMemoryFileFormat),
  extractorVersion: z.string(),
  projectId: z.string(),
  repository: z.string(),
  digest: z.string(),
  setting: z.string(),
  lexemesExact: z.boolean(),
  /** Per pattern key, its extraction hash. */
  patterns: z.array(z.tuple([z.string(), z.string()])),
  /** Per pattern key, its occurrences as one text. */
  occurrences: z.array(z.tuple([z.string(), z.string()])),
  /** Each relationship: type, source key, target key and its row as one text. */
  relationships: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])),
});

/** A parsed ingest memory file. */
export type IngestMemoryFile = z.infer<typeof ingestMemoryFileSchema>;
