/**
 * Accuracy monitoring: how often people and agents confirm what the detectors said (a pattern's
 * design-pattern kind, a relationship), per kind and over time. Types and defaults only.
 */

/** When a kind counts as slipping: accuracy below `threshold` over at least `minVerdicts` verdicts. */
export interface AccuracySettings {
  threshold: number;
  minVerdicts: number;
}

/** The defaults (seed 000 alerts below 0.7); MOTIF_ACCURACY_THRESHOLD and MOTIF_ACCURACY_MIN_VERDICTS change them. */
export const defaultAccuracySettings: AccuracySettings = { threshold: 0.7, minVerdicts: 5 };

/** Confirmations and contradictions of one subject (a kind, a relationship type). */
export interface VerdictCounts {
  confirmed: number;
  contradicted: number;
}

/** Detector accuracy for one design-pattern kind, with how the patterns of that kind fared in use. */
export interface KindAccuracy extends VerdictCounts {
  kind: string;
  /** confirmed / (confirmed + contradicted); null before the first verdict. */
  accuracy: number | null;
  /** Uses reported successful, failed or partial for patterns of this kind. */
  successful: number;
  failed: number;
  partial: number;
  /** At least minVerdicts verdicts and accuracy below the threshold. */
  below_threshold: boolean;
}

/** Precision of one relationship type: the share of verdicts on its edges that confirmed them. */
export interface RelationshipPrecision extends VerdictCounts {
  relationship_type: string;
  precision: number | null;
  below_threshold: boolean;
}

/** One week of verdicts on one kind (weeks start on Monday, UTC). */
export interface AccuracyWeek extends VerdictCounts {
  week: string;
  kind: string;
  accuracy: number;
}

/** A project's accuracy: per kind, per relationship type, per week, with the settings applied. */
export interface ProjectAccuracy {
  settings: AccuracySettings;
  kinds: KindAccuracy[];
  relationships: RelationshipPrecision[];
  weekly: AccuracyWeek[];
}

/** A kind that slipped below the threshold in a project (health, feed). */
export interface DegradedKind extends VerdictCounts {
  project: string;
  kind: string;
  accuracy: number;
}

/** The share confirmed, or null without verdicts. */
export function accuracyOf(counts: VerdictCounts): number | null {
  const total = counts.confirmed + counts.contradicted;
  return total === 0 ? null : counts.confirmed / total;
}

/** Whether counts say the subject slipped: enough verdicts, and accuracy below the threshold. */
export function isBelowThreshold(counts: VerdictCounts, settings: AccuracySettings): boolean {
  const accuracy = accuracyOf(counts);
  return accuracy !== null && counts.confirmed + counts.contradicted >= settings.minVerdicts && accuracy < settings.threshold;
}
