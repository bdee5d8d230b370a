import type { ReactNode } from "react";
import { ProjectShell } from "@/components/project-shell";

/** Every page of one project: the project switcher and the project's navigation around it. */
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ProjectShell slug={slug}>{children}</ProjectShell>;
}
