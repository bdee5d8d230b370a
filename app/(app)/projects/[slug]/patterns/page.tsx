import type { Metadata } from "next";
import { Suspense } from "react";
import { PatternsBrowser } from "@/components/patterns-browser";
import { ListSkeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Patterns" };

/** `/projects/[slug]/patterns`: the project's patterns, searchable, filterable and exportable. */
export default async function PatternsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    // The filters are read from the URL on the client (useSearchParams needs a Suspense boundary).
    <Suspense fallback={<ListSkeleton rows={8} label="Loading patterns" />}>
      <PatternsBrowser slug={slug} />
    </Suspense>
  );
}
