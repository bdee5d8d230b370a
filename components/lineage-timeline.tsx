"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { PatternView } from "@/lib/patterns";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { formatDate, formatScore } from "./format";
import { ErrorMessage } from "./ui/error-message";
import { ListSkeleton } from "./ui/skeleton";

/** Every version of the pattern, oldest first, as a vertical timeline; the one shown is marked. */
export function LineageTimeline({ slug, patternId }: { slug: string; patternId: string }) {
  const lineage = useQuery({
    queryKey: [...realtimeQueryKeys.pattern(patternId), "lineage"],
    queryFn: () => apiFetch<{ lineage: PatternView[] }>(`/api/v1/patterns/${patternId}/lineage`).then((body) => body.lineage),
  });
  if (lineage.error) return <ErrorMessage error={lineage.error} testId="lineage-error" />;
  if (!lineage.data) return <ListSkeleton rows={2} label="Loading versions" />;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5 dark:border-slate-700" data-testid="lineage">
      {lineage.data.map((version) => {
        const current = version.id === patternId;
        return (
          <li key={version.id} className="relative" data-testid="lineage-version" aria-current={current ? "true" : undefined}>
            <span aria-hidden="true" className={`absolute -left-[1.6rem] top-1 h-3 w-3 rounded-full ring-2 ring-white dark:ring-slate-900 ${current ? "bg-indigo-600" : "bg-slate-300 dark:bg-slate-600"}`} />
            <p className="text-sm font-medium">
              {current ? `Version ${version.version} (shown)` : (
                <Link href={`/projects/${slug}/patterns/${version.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">Version {version.version}</Link>
              )}
              <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">{version.status}</span>
            </p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {formatDate(version.created_at)} · quality {formatScore(version.quality_score)} · {version.extraction_method}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
