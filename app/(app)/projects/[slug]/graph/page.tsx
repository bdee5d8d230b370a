import type { Metadata } from "next";
import { Suspense } from "react";
import { PatternGraph } from "@/components/pattern-graph";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Graph" };

/** `/projects/[slug]/graph`: how the project's patterns use, extend, compose and resemble each other. */
export default async function GraphPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    // The view (focus, grouping) is read from the URL on the client: useSearchParams needs a Suspense boundary.
    <Suspense fallback={<Skeleton className="h-[36rem] w-full" />}>
      <PatternGraph slug={slug} />
    </Suspense>
  );
}
