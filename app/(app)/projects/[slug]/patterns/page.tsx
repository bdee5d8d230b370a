import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { PatternsBrowser } from "@/components/patterns-browser";
import { ListSkeleton } from "@/components/ui/skeleton";
import { prefetchPatternsPage } from "./prefetch-patterns-page";

export const metadata: Metadata = { title: "Patterns" };

/**
 * `/projects/[slug]/patterns`: the project's patterns, searchable, filterable and exportable.
 * The first page the URL names is read on the server and drawn in the HTML; the table takes
 * over from there on the client.
 */
export default async function PatternsPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const state = await prefetchPatternsPage(slug, await searchParams);
  return (
    <HydrationBoundary state={state}>
      {/* The filters are read from the URL on the client (useSearchParams needs a Suspense boundary). */}
      <Suspense fallback={<ListSkeleton rows={8} label="Loading patterns" />}>
        <PatternsBrowser slug={slug} />
      </Suspense>
    </HydrationBoundary>
  );
}
