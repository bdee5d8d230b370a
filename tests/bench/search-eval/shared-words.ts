import { stemWord } from "@/lib/embed";
import { splitIdentifier } from "@/lib/words";
import type { CodeUnit, Language } from "@/lib/domain";

// Language keywords are syntax, not identifiers: "return" in an intent is plain English.
const keywords = new Set(
  `and as assert async await break case catch class const continue def del do elif else except export extends
  false finally for from function global if import in is lambda let new none nonlocal not null or pass raise
  return self switch this throw true try typeof var void while with yield`.split(/\s+/),
);

const meaningless = new Set(
  ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "it", "is", "with", "by", "from", "as", "at", "be", "that", "this", "so", "my", "its", "into", "if"].map(stemWord),
);

// Identifiers only: comments and string literals removed, then every name split into
// stemmed words. An intent "shares no word" when none of its stems is among these.
function identifierStems(code: string, language: Language): Set<string> {
  const withoutStrings =
    language === "python"
      ? code.replace(/("""|''')[\s\S]*?\1|#[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, " ")
      : code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, " ");
  return new Set(splitIdentifier(withoutStrings).filter((word) => !keywords.has(word)).map(stemWord));
}

/** The intent's stems that also occur among the identifiers of the target's code. */
export function sharedWords(intent: string, target: CodeUnit): string[] {
  const stems = identifierStems(target.code, target.language);
  return splitIdentifier(intent).map(stemWord).filter((stem) => !meaningless.has(stem) && stems.has(stem));
}
