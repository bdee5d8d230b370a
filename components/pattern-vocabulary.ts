// The pure vocabulary module, not `@/lib/extract`: its index pulls the parser into the bundle.
import { designPatternKinds } from "@/lib/extract/types";

/** An option of a filter select: its query value and what the user reads. */
export interface Option {
  value: string;
  label: string;
}

const any = { value: "", label: "Any" };

/** The four pattern types. */
export const patternTypeOptions: Option[] = [
  any,
  { value: "function_pattern", label: "Function" },
  { value: "class_pattern", label: "Class" },
  { value: "design_pattern", label: "Design pattern" },
  { value: "interaction_pattern", label: "Interaction" },
];

/** The fourteen design-pattern kinds. */
export const kindOptions: Option[] = [any, ...designPatternKinds.map((kind) => ({ value: kind, label: kind.replaceAll("_", " ") }))];

/** The languages Motif extracts. */
export const languageOptions: Option[] = [
  any,
  { value: "python", label: "Python" },
  { value: "typescript", label: "TypeScript" },
  { value: "tsx", label: "TSX" },
  { value: "javascript", label: "JavaScript" },
];

/** Lifecycle states; "" is the API's default (active and pending). */
export const statusOptions: Option[] = [
  { value: "", label: "Active and pending" },
  { value: "active", label: "Active" },
  { value: "pending", label: "Pending" },
  { value: "deprecated", label: "Deprecated" },
  { value: "archived", label: "Archived" },
];

/** The orders the list API offers. */
export const sortOptions: Option[] = [
  { value: "quality_score", label: "Quality" },
  { value: "usage_count", label: "Usage" },
  { value: "success_rate", label: "Success rate" },
  { value: "match_count", label: "Matches" },
  { value: "name", label: "Name" },
  { value: "created_at", label: "Created" },
  { value: "updated_at", label: "Updated" },
];

/** The four relationship types, with the colour the graph draws each in. */
export const relationshipTypes = [
  { value: "USES", label: "uses", color: "#6366f1" },
  { value: "EXTENDS", label: "extends", color: "#f59e0b" },
  { value: "COMPOSED_OF", label: "composed of", color: "#10b981" },
  { value: "SIMILAR_TO", label: "similar to", color: "#94a3b8" },
] as const;
