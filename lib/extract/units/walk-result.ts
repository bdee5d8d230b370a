import type { UnitDraft } from "./unit-draft";

/** What a language walker hands back: the units it found and where the comments are. */
export interface WalkResult {
  units: UnitDraft[];
  /** Flat [start, end) string offsets of every comment, in source order. */
  comments: number[];
}
