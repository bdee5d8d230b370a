"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Project } from "@/lib/db";
import { apiFetch } from "./api-client";
import { projectsQueryKey } from "./project-list";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { TextField } from "./ui/field";

function RenameProject({ project }: { project: Project }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(project.name);
  const rename = useMutation({
    mutationFn: () => apiFetch<{ project: Project }>(`/api/v1/projects/${project.slug}`, { method: "PATCH", body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
  });
  const submit = (event: FormEvent) => (event.preventDefault(), rename.mutate());
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Rename the project">
      <TextField label="Project name" value={name} maxLength={200} required onChange={(event) => setName(event.target.value)} data-testid="project-rename-name" />
      <Button type="submit" variant="secondary" disabled={rename.isPending || name.trim() === "" || name === project.name} data-testid="project-rename">Rename</Button>
      {rename.isSuccess && <span role="status" className="text-sm text-emerald-700 dark:text-emerald-300">Renamed.</span>}
      <ErrorMessage error={rename.error} testId="project-rename-error" />
    </form>
  );
}

function DeleteProject({ project }: { project: Project }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/projects/${project.slug}`, { method: "DELETE" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: projectsQueryKey });
      router.push("/projects");
    },
  });
  const submit = (event: FormEvent) => (event.preventDefault(), remove.mutate());
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Delete the project">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Deleting removes the project with every pattern, occurrence, event, member and API key in it, for everyone. It cannot be undone.
        Type <code className="font-mono">{project.slug}</code> to confirm.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Project slug" value={typed} autoComplete="off" onChange={(event) => setTyped(event.target.value)} data-testid="project-delete-confirm" />
        <Button type="submit" variant="danger" disabled={remove.isPending || typed !== project.slug} data-testid="project-delete">Delete the project</Button>
      </div>
      <ErrorMessage error={remove.error} testId="project-delete-error" />
    </form>
  );
}

/** An admin's project actions: rename it, or delete it after typing its slug. */
export function ProjectAdminActions({ project }: { project: Project }) {
  return (
    <section aria-labelledby="project-admin-title" className="space-y-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h2 id="project-admin-title" className="text-base font-semibold">Project</h2>
      <RenameProject project={project} />
      <DeleteProject project={project} />
    </section>
  );
}
