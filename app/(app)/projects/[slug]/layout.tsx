import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ProjectShell } from "@/components/project-shell";
import { getPageClaims } from "@/lib/auth";
import { findPageProject } from "@/lib/projects";

/**
 * Every page of one project: the project switcher and the project's navigation around it. A
 * project the caller cannot see (not a member, or no such project) is a real 404, drawn
 * without the project's navigation or forms.
 */
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const claims = await getPageClaims(await headers());
  if (!claims) redirect("/sign-in");
  if (!(await findPageProject({ claims, slug }))) notFound();
  return <ProjectShell slug={slug}>{children}</ProjectShell>;
}
