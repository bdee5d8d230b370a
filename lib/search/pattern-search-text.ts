import { conceptWords } from "@/lib/embed";
import { splitIdentifier } from "@/lib/words";

const docstringChars = 400;
const maxDocstrings = 5;
const maxCalls = 40;
const maxCodeWords = 400;
const maxChars = 6000;

/** What a pattern's full-text document is made of; ingested and hand-made patterns alike. */
export interface SearchTextSource {
  name: string;
  kind: string | null;
  tags: readonly string[];
  dependencies: readonly string[];
  /** The names it occurs under in code (`Client.get_backoff`). */
  qualnames: readonly string[];
  /** Its units' parameter names, docstrings and called names (extraction knows them). */
  parameterNames?: readonly string[];
  docstrings?: readonly (string | undefined)[];
  calls?: readonly string[];
  /** Code whose identifiers stand in for what extraction would know (a hand-made pattern). */
  code?: string;
}

// A docstring's first sentence says what the code does; the rest is detail.
function summary(docstring: string | undefined): string {
  return (docstring ?? "").split(/\.(?:\s|$)|\n\s*\n/)[0];
}

// Words of identifiers and thesaurus entries of texts, kept by their text: the same names
// and docstrings come back at every ingest of a repository. Bounded for long-running processes.
const memoLimit = 50_000;
const wordsByIdentifier = new Map<string, readonly string[]>();
const conceptsByText = new Map<string, readonly string[]>();

function remembered(memo: Map<string, readonly string[]>, text: string, compute: (text: string) => readonly string[]): readonly string[] {
  let value = memo.get(text);
  if (!value) {
    if (memo.size >= memoLimit) memo.clear();
    memo.set(text, (value = compute(text)));
  }
  return value;
}

function spelled(identifiers: Iterable<string>): string {
  const seen = new Set<string>();
  for (const identifier of identifiers) for (const word of remembered(wordsByIdentifier, identifier, splitIdentifier)) seen.add(word);
  return [...seen].join(" ");
}

// The words of a code's identifiers (`getBackoffTime` → get backoff time), each once, at most maxCodeWords.
function codeWords(code: string): string {
  const words = new Set<string>();
  for (const identifier of code.match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? []) {
    for (const word of splitIdentifier(identifier)) {
      if (word.length > 1) words.add(word);
      if (words.size >= maxCodeWords) return [...words].join(" ");
    }
  }
  return [...words].join(" ");
}

/**
 * The full-text document of a pattern beyond its name and description: the names it occurs
 * under (as written and split into words, so `getBackoffTime` matches "backoff"), parameter
 * names, docstrings, called names (or, for a hand-made pattern, its code's identifiers),
 * dependencies, tags and kind, then the programming thesaurus' other words for the ideas its
 * name, summary, kind and tags name (stored with the pattern: a thesaurus change shows in
 * patterns written after it).
 */
export function patternSearchText(source: SearchTextSource): string {
  const qualnames = [...new Set(source.qualnames)];
  const docstrings = [...new Set((source.docstrings ?? []).map((docstring) => docstring?.trim().slice(0, docstringChars) ?? "").filter(Boolean))];
  const calls = [...new Set(source.calls ?? [])].slice(0, maxCalls);
  const kind = source.kind ? source.kind.replaceAll("_", " ") : "";
  const parts = [
    qualnames.join(" "),
    spelled(qualnames),
    spelled(source.parameterNames ?? []),
    docstrings.slice(0, maxDocstrings).join("\n"),
    spelled(calls),
    source.code === undefined ? "" : codeWords(source.code),
    spelled(source.dependencies),
    spelled(source.tags),
    kind,
    // Other words for what the pattern says it does (its name, summary, kind and tags), so a
    // full-text query in different words meets it; the thesaurus is lib/embed's.
    [...new Set(remembered(conceptsByText, [source.name, spelled(qualnames), summary(docstrings[0]), kind, spelled(source.tags)].join("\n"), conceptWords))].join(", "),
  ];
  return parts.filter(Boolean).join("\n").slice(0, maxChars);
}
