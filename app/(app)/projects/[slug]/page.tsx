import type { Metadata } from "next";
import { ProjectOverview } from "@/components/project-overview";

export const metadata: Metadata = { title: "Project" };

/** `/projects/[slug]`: the project's overview, linking its pages. */
export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ProjectOverview slug={slug} />;
}
