import type { Metadata } from "next";
import { PatternGraph } from "@/components/pattern-graph";

export const metadata: Metadata = { title: "Graph" };

/** `/projects/[slug]/graph`: how the project's patterns use, extend, compose and resemble each other. */
export default async function GraphPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <PatternGraph slug={slug} />;
}
