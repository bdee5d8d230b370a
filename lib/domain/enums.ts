/**
 * Every closed set of values Motif names (DESIGN §3–§5), written once: the TypeScript type,
 * the list and the zod schema of each come from the same `as const` array. The database's
 * check constraints hold the same sets (supabase/migrations); API routes, the CLI, the
 * OpenAPI document, lib/db and the dashboard read them from here.
 */
import { z } from "zod";

/** The languages Motif parses. */
export const languages = ["python", "typescript", "tsx", "javascript"] as const;
/** A language Motif parses. */
export type Language = (typeof languages)[number];
/** Validates a {@link Language}. */
export const languageSchema = z.enum(languages);

/** What a code unit is. */
export const unitKinds = ["function", "method", "class"] as const;
/** What a code unit is. */
export type UnitKind = (typeof unitKinds)[number];

/** The design-pattern kinds of DESIGN §4. */
export const designPatternKinds = [
  "retry_backoff",
  "singleton",
  "factory",
  "repository_crud",
  "observer_event",
  "strategy",
  "decorator",
  "context_manager",
  "builder",
  "cache_memoize",
  "validation",
  "adapter",
  "error_handling_wrapper",
  "db_transaction",
] as const;
/** A design-pattern kind of DESIGN §4. */
export type DesignPatternKind = (typeof designPatternKinds)[number];
/** Validates a {@link DesignPatternKind}. */
export const designPatternKindSchema = z.enum(designPatternKinds);

/** The four pattern types of DESIGN §3. */
export const patternTypes = ["function_pattern", "class_pattern", "design_pattern", "interaction_pattern"] as const;
/** One of the four pattern types. */
export type PatternType = (typeof patternTypes)[number];
/** Validates a {@link PatternType}. */
export const patternTypeSchema = z.enum(patternTypes);

/** Lifecycle states of a pattern version. */
export const patternStatuses = ["pending", "active", "deprecated", "archived"] as const;
/** A pattern version's lifecycle state. */
export type PatternStatus = (typeof patternStatuses)[number];
/** Validates a {@link PatternStatus}. */
export const patternStatusSchema = z.enum(patternStatuses);
/** The states a new pattern may start in. */
export const newPatternStatuses = ["pending", "active"] as const satisfies readonly PatternStatus[];

/** The four relationship types of DESIGN §4. */
export const relationshipTypes = ["USES", "EXTENDS", "COMPOSED_OF", "SIMILAR_TO"] as const;
/** A relationship type between two patterns. */
export type RelationshipType = (typeof relationshipTypes)[number];
/** Validates a {@link RelationshipType}. */
export const relationshipTypeSchema = z.enum(relationshipTypes);

/** Roles a project member or API key can have, most powerful first. */
export const projectRoles = ["admin", "member", "viewer"] as const;
/** A role in a project. */
export type ProjectRole = (typeof projectRoles)[number];
/** Validates a {@link ProjectRole}. */
export const projectRoleSchema = z.enum(projectRoles);

/** How a reported use of a pattern went. */
export const usageOutcomes = ["successful", "failed", "partial", "pending"] as const;
/** How a reported use of a pattern went. */
export type UsageOutcome = (typeof usageOutcomes)[number];
/** Validates a {@link UsageOutcome}. */
export const usageOutcomeSchema = z.enum(usageOutcomes);
/** The outcomes that close a pending use. */
export const closingUsageOutcomes = ["successful", "failed", "partial"] as const satisfies readonly UsageOutcome[];

/** A validation's verdict on a pattern. */
export const validationVerdicts = ["confirm", "contradict"] as const;
/** A validation's verdict on a pattern. */
export type ValidationVerdict = (typeof validationVerdicts)[number];

/** States of a background job. */
export const jobStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
/** A background job's state. */
export type JobStatus = (typeof jobStatuses)[number];
/** Validates a {@link JobStatus}. */
export const jobStatusSchema = z.enum(jobStatuses);

/**
 * The orders the pattern list and export offer. `prominence` (the default): design patterns and
 * shapes that recur first, then by extraction's prominence (DESIGN §4).
 */
export const patternSortFields = ["prominence", "quality_score", "success_rate", "usage_count", "match_count", "created_at", "updated_at", "name"] as const;
/** A field the pattern list can be ordered by. */
export type PatternSortField = (typeof patternSortFields)[number];
/** Validates a {@link PatternSortField}. */
export const patternSortFieldSchema = z.enum(patternSortFields);

/** Ascending or descending. */
export const sortOrders = ["asc", "desc"] as const;
/** Ascending or descending. */
export type SortOrder = (typeof sortOrders)[number];
/** Validates a {@link SortOrder}. */
export const sortOrderSchema = z.enum(sortOrders);

/** The formats a project's patterns export to. */
export const exportFormats = ["csv", "json"] as const;
/** A format a project's patterns export to. */
export type ExportFormat = (typeof exportFormats)[number];
