import { extractFile } from "@/lib/extract/extract-file";
import type { Language } from "@/lib/domain";

/** What the detectors found on one unit of a snippet: its kinds (sorted) and the evidence of each match. */
export interface SnippetUnit {
  kinds: string[];
  evidence: string[];
}

/** Kinds per qualname of a snippet, and the evidence of each match (the detector tests' shared reader). */
export async function detect(source: string, language: Language): Promise<Map<string, SnippetUnit>> {
  const file = language === "python" ? "snippet.py" : language === "typescript" ? "snippet.ts" : "snippet.js";
  const extraction = await extractFile({ file, source, language });
  return new Map(
    extraction.units.map((unit) => [unit.qualname, { kinds: unit.patterns.map((match) => match.kind).sort(), evidence: unit.patterns.flatMap((match) => match.evidence) }]),
  );
}

/** The kinds of one unit; a missing unit fails naming the ones there are. */
export function kindsOf(found: Map<string, SnippetUnit>, qualname: string): string[] {
  const unit = found.get(qualname);
  if (!unit) throw new Error(`no unit ${qualname} in ${[...found.keys()].join(", ")}`);
  return unit.kinds;
}

/** The evidence of one unit's matches, joined. */
export function evidenceOf(found: Map<string, SnippetUnit>, qualname: string): string {
  return found.get(qualname)!.evidence.join(" | ");
}
