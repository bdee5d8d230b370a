import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { PatternGraph } from "@/components/pattern-graph";
import { Skeleton } from "@/components/ui/skeleton";
import { prefetchGraphPage } from "./prefetch-graph-page";

export const metadata: Metadata = { title: "Graph" };

/**
 * `/projects/[slug]/graph`: how the project's patterns use, extend, compose and resemble each
 * other. The graph the URL names is read on the server, so the page lays it out as soon as it runs.
 */
export default async function GraphPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const state = await prefetchGraphPage(slug, await searchParams);
  return (
    <HydrationBoundary state={state}>
      {/* The view (focus, grouping) is read from the URL on the client: useSearchParams needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton className="h-[36rem] w-full" />}>
        <PatternGraph slug={slug} />
      </Suspense>
    </HydrationBoundary>
  );
}
