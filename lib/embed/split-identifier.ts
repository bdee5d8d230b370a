// Boundaries inside one identifier: lower→Upper (getBackoff), ACRONYM→Word (HTTPServer),
// letter↔digit (sha256sum). Underscores, dashes, dots and the rest split before this runs.
const camelBoundary = /([a-z])([A-Z])|([A-Z])([A-Z][a-z])|([A-Za-z])(\d)|(\d)([A-Za-z])/g;

/**
 * Splits code identifiers and prose into lowercase words:
 * `getBackoffTime` → get backoff time, `MAX_RETRY_COUNT` → max retry count,
 * `HTTPServer` → http server. Words are letters or digits only.
 */
export function splitIdentifier(text: string): string[] {
  const words: string[] = [];
  for (const chunk of text.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    const spaced = chunk.replace(camelBoundary, (_match, ...groups: (string | undefined)[]) => {
      const parts = groups.slice(0, 8).filter((part): part is string => part !== undefined);
      return `${parts[0]} ${parts[1]}`;
    });
    for (const word of spaced.split(" ")) if (word) words.push(word.toLowerCase());
  }
  return words;
}
