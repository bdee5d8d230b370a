import type { Language } from "@/lib/domain";

const languageByExtension: Record<string, Language> = {
  ".py": "python",
  ".pyi": "python",
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "tsx",
  ".js": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".jsx": "javascript",
};

/** The language of a file from its extension, or undefined when Motif does not parse it. */
export function detectLanguage(filePath: string): Language | undefined {
  const match = /\.[^./\\]+$/.exec(filePath.toLowerCase());
  return match ? languageByExtension[match[0]] : undefined;
}
