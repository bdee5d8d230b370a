"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { TextField } from "./ui/field";

/** A slug suggestion from a name: "My Project!" → "my-project". */
function suggestSlug(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63);
}

/** Creates a project; its slug follows the name until the user edits it. */
export function CreateProjectForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation({
    mutationFn: () => apiFetch("/api/v1/projects", { method: "POST", body: { name, slug } }),
    onSuccess: async () => {
      setName("");
      setSlug("");
      setSlugEdited(false);
      await queryClient.invalidateQueries({ queryKey: ["projects"] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="create-project-title"
      className="space-y-4 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h2 id="create-project-title" className="text-lg font-semibold">New project</h2>
      <TextField label="Name" required value={name} data-testid="project-name"
        onChange={(event) => {
          setName(event.target.value);
          if (!slugEdited) setSlug(suggestSlug(event.target.value));
        }} />
      <TextField label="Slug" required value={slug} data-testid="project-slug"
        aria-describedby="project-slug-hint"
        onChange={(event) => {
          setSlug(event.target.value);
          setSlugEdited(true);
        }} />
      <p id="project-slug-hint" className="text-xs text-slate-500 dark:text-slate-400">2–63 lowercase letters, digits or dashes.</p>
      <ErrorMessage error={create.error} testId="project-error" />
      <Button type="submit" disabled={create.isPending} data-testid="project-create">
        Create project
      </Button>
    </form>
  );
}
