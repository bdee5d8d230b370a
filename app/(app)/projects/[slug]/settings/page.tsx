import type { Metadata } from "next";
import { ProjectSettings } from "@/components/project-settings";

export const metadata: Metadata = { title: "Project settings" };

/** `/projects/[slug]/settings`: members and API keys of one project. */
export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ProjectSettings slug={slug} />;
}
