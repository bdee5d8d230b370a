"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Project } from "@/lib/db";
import { apiFetch } from "./api-client";
import { LiveRefresh } from "./live-refresh";
import { projectsQueryKey } from "./project-list";
import { control } from "./ui/field";

const sections = [
  { path: "", label: "Overview" },
  { path: "/patterns", label: "Patterns" },
  { path: "/graph", label: "Graph" },
  { path: "/insights", label: "Insights" },
  { path: "/feed", label: "Live feed" },
  { path: "/sessions", label: "Sessions" },
  { path: "/costs", label: "Costs" },
  { path: "/ingest", label: "Ingest" },
  { path: "/settings", label: "Settings" },
];

function ProjectSwitcher({ slug }: { slug: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const projects = useQuery({
    queryKey: projectsQueryKey,
    queryFn: () => apiFetch<{ projects: Project[] }>("/api/v1/projects").then((body) => body.projects),
  });
  // Switching keeps the section the user is in (patterns stay patterns), not a detail page.
  const section = sections.find((entry) => entry.path && pathname.startsWith(`/projects/${slug}${entry.path}`))?.path ?? "";
  const options = projects.data ?? [];
  return (
    <div className="w-full sm:w-56">
      <label htmlFor="project-switcher" className="sr-only">Project</label>
      <select id="project-switcher" data-testid="project-switcher" value={slug} className={control}
        onChange={(event) => router.push(`/projects/${event.target.value}${section}`)}>
        {!options.some((project) => project.slug === slug) && <option value={slug}>{slug}</option>}
        {options.map((project) => (
          <option key={project.id} value={project.slug}>{project.name}</option>
        ))}
      </select>
    </div>
  );
}

/** A project's frame: the project switcher and the navigation between its pages. */
export function ProjectShell({ slug, children }: { slug: string; children: ReactNode }) {
  const pathname = usePathname();
  const base = `/projects/${slug}`;
  const isCurrent = (path: string) => (path === "" ? pathname === base : pathname.startsWith(base + path));
  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 border-b border-slate-200 pb-3 dark:border-slate-800 lg:flex-row lg:items-center">
        <ProjectSwitcher slug={slug} />
        <LiveRefresh slug={slug} />
        <nav aria-label="Project" className="-mx-4 overflow-x-auto px-4 lg:mx-0 lg:px-0">
          <ul className="flex gap-1 whitespace-nowrap">
            {sections.map((section) => (
              <li key={section.label}>
                <Link href={base + section.path} aria-current={isCurrent(section.path) ? "page" : undefined}
                  data-testid={`nav-${section.label.toLowerCase().replace(" ", "-")}`}
                  className="block rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-700 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-300">
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {children}
    </div>
  );
}
