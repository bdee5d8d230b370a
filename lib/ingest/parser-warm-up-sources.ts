import type { Language } from "@/lib/domain";

const python = `import functools


class Client:
    """Talks to a service."""

    def __init__(self, session):
        self.session = session

    def fetch(self, url, attempts=3):
        for attempt in range(attempts):
            try:
                return self.session.get(url)
            except OSError:
                if attempt == attempts - 1:
                    raise


@functools.lru_cache(maxsize=None)
def cached(value):
    return value * 2
`;

const script = `import { readFile } from "node:fs/promises";

export class Client {
  constructor(session) {
    this.session = session;
  }

  async fetch(url, attempts = 3) {
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        return await this.session.get(url);
      } catch (error) {
        if (attempt === attempts - 1) throw error;
      }
    }
  }
}

export function readConfig(file) {
  return readFile(file, "utf8").then((text) => JSON.parse(text));
}
`;

/**
 * A small source per language, extracted once (and thrown away) by a process warming its
 * memory of a repository: the parser is loaded and the extraction's code has run before the
 * next ingest's changed file needs them.
 */
export const parserWarmUpSources: Record<Language, string> = { python, typescript: script, tsx: script, javascript: script };
