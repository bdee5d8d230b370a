/**
 * Reads the examples written by `cache-examples.ts` back into {@link Example}s, so experiments over
 * models and thresholds do not parse every package again.
 */
import { readFileSync } from "node:fs";
import type { DesignPatternKind } from "@/lib/domain";
import type { Example } from "./dataset";

type CachedRow = Omit<Example, "kinds" | "heuristic" | "features"> & { kinds: DesignPatternKind[]; heuristic: DesignPatternKind[]; features: Record<string, number> };

/** The cached examples of the file; `keepFeature` drops the features it answers false for. */
export function readCachedExamples(file: string, keepFeature: (name: string) => boolean = () => true): Example[] {
  const rows = JSON.parse(readFileSync(file, "utf8")) as CachedRow[];
  return rows.map((row) => ({ ...row, kinds: new Set(row.kinds), heuristic: new Set(row.heuristic), features: new Map(Object.entries(row.features).filter(([name]) => keepFeature(name))) }));
}
