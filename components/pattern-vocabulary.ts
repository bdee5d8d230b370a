import {
  designPatternKinds,
  languages,
  patternSortFields,
  patternStatuses,
  patternTypes,
  type Language,
  type PatternSortField,
  type PatternStatus,
  type PatternType,
  type RelationshipType,
} from "@/lib/domain";

/** An option of a filter select: its query value and what the user reads. */
export interface Option {
  value: string;
  label: string;
}

const any = { value: "", label: "Any" };

const typeLabels: Record<PatternType, string> = {
  function_pattern: "Function",
  class_pattern: "Class",
  design_pattern: "Design pattern",
  interaction_pattern: "Interaction",
};

/** The four pattern types. */
export const patternTypeOptions: Option[] = [any, ...patternTypes.map((value) => ({ value, label: typeLabels[value] }))];

/** The fourteen design-pattern kinds. */
export const kindOptions: Option[] = [any, ...designPatternKinds.map((kind) => ({ value: kind, label: kind.replaceAll("_", " ") }))];

const languageLabels: Record<Language, string> = { python: "Python", typescript: "TypeScript", tsx: "TSX", javascript: "JavaScript" };

/** The languages Motif extracts. */
export const languageOptions: Option[] = [any, ...languages.map((value) => ({ value, label: languageLabels[value] }))];

// The select's order: the states a user asks for most first.
const statusOrder: PatternStatus[] = ["active", "pending", "deprecated", "archived"];

/** Lifecycle states; "" is the API's default (active and pending). */
export const statusOptions: Option[] = [
  { value: "", label: "Active and pending" },
  ...statusOrder.filter((status) => patternStatuses.includes(status)).map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) })),
];

const sortLabels: Record<PatternSortField, string> = {
  prominence: "Recurring first",
  quality_score: "Quality",
  usage_count: "Usage",
  success_rate: "Success rate",
  match_count: "Matches",
  name: "Name",
  created_at: "Created",
  updated_at: "Updated",
};

/** Whether a pattern's shape recurs (≥ 2 occurrences, or called from ≥ 3 places); "" is both. */
export const recurringOptions: Option[] = [
  any,
  { value: "true", label: "Recurs" },
  { value: "false", label: "One-off" },
];

/** The orders the list API offers; the first is its default. */
export const sortOptions: Option[] = (Object.keys(sortLabels) as PatternSortField[])
  .filter((value) => patternSortFields.includes(value))
  .map((value) => ({ value, label: sortLabels[value] }));

/** The four relationship types, with the colour the graph draws each in. */
export const relationshipTypes = [
  { value: "USES", label: "uses", color: "#6366f1" },
  { value: "EXTENDS", label: "extends", color: "#f59e0b" },
  { value: "COMPOSED_OF", label: "composed of", color: "#10b981" },
  { value: "SIMILAR_TO", label: "similar to", color: "#94a3b8" },
] as const satisfies ReadonlyArray<{ value: RelationshipType; label: string; color: string }>;
