import type { SessionFormat } from "@/lib/domain";

/** Code a session wrote into a file: a whole file, an edit's new text, or a diff's added lines. */
export interface WrittenCode {
  file: string;
  code: string;
}

/** What the analyzer reads of a session, whatever format it came in. */
export interface SessionTrace {
  format: SessionFormat;
  /** The task: the first thing the person asked. */
  prompt: string;
  /** The session's own last words (its summary of what it did), when it has them. */
  finalMessage: string;
  messages: number;
  toolCalls: number;
  /** Tool results that reported an error, each shortened. */
  toolErrors: string[];
  filesRead: string[];
  written: WrittenCode[];
  linesAdded: number;
  linesRemoved: number;
  startedAt: string | null;
  endedAt: string | null;
  /** The models that worked, as the transcript names them. */
  models: string[];
  usage: { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number };
  /** Each model's own tokens, for pricing. */
  usageByModel: Record<string, { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number }>;
}

/** An empty trace of a format, for parsers to fill. */
export function emptyTrace(format: SessionFormat): SessionTrace {
  return {
    format, prompt: "", finalMessage: "", messages: 0, toolCalls: 0, toolErrors: [], filesRead: [], written: [], linesAdded: 0, linesRemoved: 0,
    startedAt: null, endedAt: null, models: [], usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }, usageByModel: {},
  };
}

/** Lines of a text, for added/removed counts. */
export function lineCount(text: string): number {
  return text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
}
