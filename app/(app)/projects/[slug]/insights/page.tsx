import type { Metadata } from "next";
import { InsightsDashboard } from "@/components/insights-dashboard";

export const metadata: Metadata = { title: "Insights" };

/** `/projects/[slug]/insights`: charts of the project's patterns, their quality and their use. */
export default async function InsightsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <InsightsDashboard slug={slug} />;
}
