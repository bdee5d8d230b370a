import type { Metadata } from "next";
import { PatternDetail } from "@/components/pattern-detail";

export const metadata: Metadata = { title: "Pattern" };

/** `/projects/[slug]/patterns/[id]`: one pattern version and everything known about it. */
export default async function PatternPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return <PatternDetail slug={slug} patternId={id} />;
}
