"use client";

import { useQuery } from "@tanstack/react-query";
import type { Project } from "@/lib/db";
import { apiFetch } from "./api-client";

/** The project with this slug and the caller's role in it (the settings page shares the cache key). */
export function useProject(slug: string) {
  return useQuery({
    queryKey: ["projects", slug],
    queryFn: () => apiFetch<{ project: Project }>(`/api/v1/projects/${slug}`).then((body) => body.project),
  });
}

/** True when the role may change patterns (admins and members; viewers only read). */
export function canWrite(role: Project["role"] | undefined): boolean {
  return role === "admin" || role === "member";
}
