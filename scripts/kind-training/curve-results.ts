/**
 * Saves one seed's learning-curve result to a JSON file and reads saved seeds back, so a long run
 * keeps what it finished and several runs' seeds can be reported together. Examples are named by
 * their place in the cache they were read from (the same cache gives the same order).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Origin, Tally } from "./curve-counts";
import type { SeedResult } from "./curve-run";
import type { Example } from "./dataset";

interface SavedSeed {
  seed: number;
  tallies: [number, [string, Record<Origin, Tally>][]][];
  kindsCut: [number, [string, number][]][];
  scored: [number, [number, number[]][]][];
}

/** Writes `folder/seed-N.json`. */
export function saveSeed(folder: string, seed: number, result: SeedResult, examples: readonly Example[]): void {
  const place = new Map(examples.map((example, index) => [example, index]));
  const saved: SavedSeed = {
    seed,
    tallies: [...result.tallies].map(([size, byPolicy]) => [size, [...byPolicy]]),
    kindsCut: [...result.kindsCut].map(([size, byPolicy]) => [size, [...byPolicy]]),
    scored: [...result.scored].map(([size, scored]) => [size, [...scored].map(([example, probabilities]) => [place.get(example)!, probabilities.map((value) => Math.round(value * 1e5) / 1e5)])]),
  };
  writeFileSync(path.join(folder, `seed-${seed}.json`), JSON.stringify(saved));
}

/** Every `seed-N.json` of the folder, in seed order. */
export function loadSeeds(folder: string, examples: readonly Example[]): SeedResult[] {
  const files = readdirSync(folder).filter((name) => /^seed-\d+\.json$/.test(name));
  const saved = files.map((name) => JSON.parse(readFileSync(path.join(folder, name), "utf8")) as SavedSeed).sort((a, b) => a.seed - b.seed);
  return saved.map((seed) => ({
    tallies: new Map(seed.tallies.map(([size, byPolicy]) => [size, new Map(byPolicy)])),
    kindsCut: new Map(seed.kindsCut.map(([size, byPolicy]) => [size, new Map(byPolicy)])),
    scored: new Map(seed.scored.map(([size, scored]) => [size, new Map(scored.map(([index, probabilities]) => [examples[index]!, probabilities]))])),
  }));
}
