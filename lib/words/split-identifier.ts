const acronyms: Record<string, string> = {
  http: "HTTP", https: "HTTPS", url: "URL", uri: "URI", id: "ID", api: "API", json: "JSON", db: "DB",
  sql: "SQL", io: "IO", ui: "UI", jwt: "JWT", html: "HTML", xml: "XML", csv: "CSV", uuid: "UUID", lru: "LRU",
  ttl: "TTL", s3: "S3", ssl: "SSL", tls: "TLS", uid: "UID", ascii: "ASCII", utf: "UTF", os: "OS", sse: "SSE", aws: "AWS", jsonl: "JSONL", orm: "ORM", crud: "CRUD", dto: "DTO", tcp: "TCP", udp: "UDP", ip: "IP", ws: "WS", sdk: "SDK",
};

/**
 * Words of an identifier, or of any code or prose, in lower case: `getBackoffTime` → get,
 * backoff, time; `HTTPClient` → http, client; `MAX_RETRY_COUNT` → max, retry, count;
 * `__fetch_all__` → fetch, all; `retry3Times` → retry, 3, times; `combineURLs` → combine, urls
 * (an acronym's plural is one word). Words are letters and digits only. The one splitter of Motif: pattern names, the built-in embedder and full-text search.
 */
export function splitIdentifier(identifier: string): string[] {
  return identifier
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]{2,})s(?![a-z])/g, "$1S")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** A word for display: known acronyms upper-cased (`urls` → "URLs"), other words capitalised. */
export function displayWord(word: string): string {
  if (Object.hasOwn(acronyms, word)) return acronyms[word];
  const singular = word.endsWith("s") ? word.slice(0, -1) : "";
  if (singular.length > 1 && Object.hasOwn(acronyms, singular)) return `${acronyms[singular]}s`;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Words joined for a title: `["get", "user", "id"]` → "Get User ID". */
export function titleWords(words: string[]): string {
  return words.map(displayWord).join(" ");
}
