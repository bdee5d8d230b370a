"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { ProjectSummary } from "@/lib/db";
import { apiFetch } from "./api-client";
import { CreateProjectForm } from "./create-project-form";
import { InvitationList } from "./invitation-list";
import { ErrorMessage } from "./ui/error-message";

/** The react-query key of the caller's project list. */
export const projectsQueryKey = ["projects"];

/** The caller's projects, each linking to its overview and settings with its pattern and member counts, and the form to create one. */
export function ProjectList() {
  const projects = useQuery({
    queryKey: projectsQueryKey,
    queryFn: () => apiFetch<{ projects: ProjectSummary[] }>("/api/v1/projects").then((body) => body.projects),
  });
  return (
    <div className="grid gap-8 md:grid-cols-[2fr_1fr]">
      <section aria-labelledby="projects-title" className="space-y-4">
        <h1 id="projects-title" className="text-2xl font-semibold tracking-tight">Projects</h1>
        <InvitationList />
        <ErrorMessage error={projects.error} testId="projects-error" />
        {projects.isPending && <p className="text-sm text-slate-500 dark:text-slate-400">Loading projects…</p>}
        {projects.data?.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="projects-empty">
            You are not in any project yet. Create one, or ask a project admin to invite you.
          </p>
        )}
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" data-testid="project-list">
          {projects.data?.map((project) => (
            <li key={project.id} className="flex items-center justify-between px-4 py-3" data-testid={`project-item-${project.slug}`}>
              <div className="min-w-0">
                <Link href={`/projects/${project.slug}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid={`project-link-${project.slug}`}>
                  {project.name}
                </Link>
                <p className="text-xs text-slate-500 dark:text-slate-400" data-testid={`project-counts-${project.slug}`}>
                  {project.slug} · {project.role} · {project.pattern_count.toLocaleString()} pattern{project.pattern_count === 1 ? "" : "s"} ·{" "}
                  {project.member_count} member{project.member_count === 1 ? "" : "s"}
                </p>
              </div>
              <Link href={`/projects/${project.slug}/settings`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
                data-testid={`project-settings-${project.slug}`}>
                Settings<span className="sr-only"> of {project.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <CreateProjectForm />
    </div>
  );
}
