"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { Project } from "@/lib/db";
import { apiFetch } from "./api-client";
import { ApiKeyManager } from "./api-key-manager";
import { GitHubConnectionManager } from "./github-connection-manager";
import { MemberManager } from "./member-manager";
import { ProjectAdminActions } from "./project-admin-actions";
import { SessionList } from "./session-list";
import { ErrorMessage } from "./ui/error-message";

/** A project's settings: members for everyone in it; management, API keys, GitHub connections, rename and delete for admins. */
export function ProjectSettings({ slug }: { slug: string }) {
  const project = useQuery({
    queryKey: ["projects", slug],
    queryFn: () => apiFetch<{ project: Project }>(`/api/v1/projects/${slug}`).then((body) => body.project),
  });
  if (project.error) return <ErrorMessage error={project.error} testId="project-settings-error" />;
  if (!project.data) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading project…</p>;
  const isAdmin = project.data.role === "admin";
  return (
    <div className="space-y-10">
      <header className="space-y-1">
        <Link href="/projects" className="text-sm text-indigo-600 hover:text-indigo-500 dark:text-indigo-400">← Projects</Link>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="project-title">{project.data.name}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {project.data.slug} · your role: <span data-testid="project-role">{project.data.role}</span>
        </p>
      </header>
      <MemberManager slug={slug} isAdmin={isAdmin} />
      {isAdmin ? (
        <>
          <ApiKeyManager slug={slug} />
          <GitHubConnectionManager slug={slug} />
          <ProjectAdminActions project={project.data} />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Only project admins manage members and API keys.</p>
      )}
      <SessionList />
    </div>
  );
}
