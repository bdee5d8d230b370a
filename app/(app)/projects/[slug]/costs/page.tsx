import type { Metadata } from "next";
import { CostsDashboard } from "@/components/costs-dashboard";

export const metadata: Metadata = { title: "Costs" };

/** `/projects/[slug]/costs`: what the project's LLM calls cost, against its budget. */
export default async function CostsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <CostsDashboard slug={slug} />;
}
