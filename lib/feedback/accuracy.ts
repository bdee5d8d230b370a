import {
  asService,
  getKindVerdicts,
  getLatestAccuracyEventType,
  insertPatternEvent,
  listKindOutcomesByProjectId,
  listKindVerdictsByProjectId,
  listKindVerdictsOfAllProjects,
  listRelationshipVerdictsByProjectId,
  listWeeklyKindVerdictsByProjectId,
  type Database,
  type Queryable,
} from "@/lib/db";
import { accuracyOf, isBelowThreshold, type AccuracySettings, type DegradedKind, type KindAccuracy, type ProjectAccuracy } from "@/lib/domain";
import { getEnvironment } from "@/lib/env";

/** The threshold and minimum sample, from MOTIF_ACCURACY_THRESHOLD / MOTIF_ACCURACY_MIN_VERDICTS. */
export function accuracySettings(): AccuracySettings {
  const environment = getEnvironment();
  return { threshold: environment.MOTIF_ACCURACY_THRESHOLD, minVerdicts: environment.MOTIF_ACCURACY_MIN_VERDICTS };
}

/**
 * A project's detector accuracy per design-pattern kind (share of verdicts that confirmed it,
 * beside how that kind's patterns fared in use), precision per relationship type, and verdicts
 * per kind per week over the last `weeks` weeks.
 */
export async function getProjectAccuracy({ transaction, projectId, weeks = 12 }: { transaction: Queryable; projectId: string; weeks?: number }): Promise<ProjectAccuracy> {
  const settings = accuracySettings();
  const [verdicts, outcomes, relationships, weekly] = [
    await listKindVerdictsByProjectId({ transaction, projectId }),
    await listKindOutcomesByProjectId({ transaction, projectId }),
    await listRelationshipVerdictsByProjectId({ transaction, projectId }),
    await listWeeklyKindVerdictsByProjectId({ transaction, projectId, weeks }),
  ];
  const kinds = new Map<string, KindAccuracy>();
  const entry = (kind: string) => kinds.get(kind) ?? kinds.set(kind, { kind, confirmed: 0, contradicted: 0, accuracy: null, successful: 0, failed: 0, partial: 0, below_threshold: false }).get(kind)!;
  for (const row of verdicts) Object.assign(entry(row.kind), { confirmed: row.confirmed, contradicted: row.contradicted, accuracy: accuracyOf(row), below_threshold: isBelowThreshold(row, settings) });
  for (const row of outcomes) Object.assign(entry(row.kind), { successful: row.successful, failed: row.failed, partial: row.partial });
  return {
    settings,
    kinds: [...kinds.values()].sort((a, b) => (a.accuracy ?? 2) - (b.accuracy ?? 2) || a.kind.localeCompare(b.kind)),
    relationships: relationships.map((row) => ({ ...row, precision: accuracyOf(row), below_threshold: isBelowThreshold(row, settings) })),
    weekly,
  };
}

/**
 * After a verdict on a pattern of `kind`: when the kind's accuracy in the project has just gone
 * below the threshold, an `accuracy.degraded` event says so in the feed; when it is back above
 * after such an event, `accuracy.recovered`. One event per crossing, never one per verdict.
 */
export async function alertOnKindAccuracy({ transaction, projectId, kind }: { transaction: Queryable; projectId: string; kind: string }): Promise<string | undefined> {
  const settings = accuracySettings();
  const counts = await getKindVerdicts({ transaction, projectId, kind });
  const below = isBelowThreshold(counts, settings);
  const last = await getLatestAccuracyEventType({ transaction, projectId, kind });
  const eventType = below && last !== "accuracy.degraded" ? "accuracy.degraded" : !below && last === "accuracy.degraded" ? "accuracy.recovered" : undefined;
  if (!eventType) return undefined;
  const eventData = { kind, accuracy: accuracyOf(counts), ...counts, threshold: settings.threshold };
  await insertPatternEvent({ transaction, projectId, patternId: null, eventType, eventData });
  return eventType;
}

/** The kinds below the threshold in every project (trusted read for /api/health). */
export async function listDegradedKinds(database: Database): Promise<DegradedKind[]> {
  const settings = accuracySettings();
  const rows = await asService(database, (transaction) => listKindVerdictsOfAllProjects({ transaction, minVerdicts: settings.minVerdicts }));
  return rows.filter((row) => isBelowThreshold(row, settings)).map((row) => ({ ...row, accuracy: accuracyOf(row)! }));
}
