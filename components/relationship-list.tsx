import Link from "next/link";
import type { RelationshipRow } from "@/lib/db";
import { formatPercent } from "./format";
import { relationshipTypes } from "./pattern-vocabulary";

function describe(relationship: RelationshipRow): string {
  const label = relationshipTypes.find((type) => type.value === relationship.relationship_type)?.label ?? relationship.relationship_type;
  return relationship.direction === "outgoing" ? `this ${label}` : `${label} this`;
}

/** The patterns this one uses, extends, is composed of or resembles, and those that point at it. */
export function RelationshipList({ slug, relationships }: { slug: string; relationships: RelationshipRow[] }) {
  if (relationships.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">No relationship to other patterns was found.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="relationship-list">
      {relationships.map((relationship) => (
        <li key={`${relationship.direction}:${relationship.relationship_type}:${relationship.pattern_id}`} className="flex flex-wrap items-baseline gap-x-2 py-1.5">
          <span className="w-28 shrink-0 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{describe(relationship)}</span>
          <Link href={`/projects/${slug}/patterns/${relationship.pattern_id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {relationship.pattern_name}
          </Link>
          <span className="text-xs text-slate-500 dark:text-slate-400">strength {formatPercent(relationship.strength)}</span>
        </li>
      ))}
    </ul>
  );
}
