"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ApiKey } from "@/lib/db";
import type { ProjectRole } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { NewApiKey } from "./new-api-key";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { RoleSelect, TextField } from "./ui/field";

/** A project's API keys (admins only): create one (shown once), list them, revoke them. */
export function ApiKeyManager({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const queryKey = ["projects", slug, "api-keys"];
  const apiKeys = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ api_keys: ApiKey[] }>(`/api/v1/projects/${slug}/api-keys`).then((body) => body.api_keys),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const revoke = useMutation({
    mutationFn: (keyId: string) => apiFetch(`/api/v1/projects/${slug}/api-keys/${keyId}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  return (
    <section aria-labelledby="api-keys-title" className="space-y-4">
      <h2 id="api-keys-title" className="text-lg font-semibold">API keys</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Keys let CI, agents and webhooks call Motif for this project, with the role you choose.
      </p>
      <CreateApiKeyForm slug={slug} onCreated={refresh} />
      <ErrorMessage error={apiKeys.error ?? revoke.error} testId="api-keys-error" />
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" data-testid="api-key-list">
        {apiKeys.data?.map((apiKey) => (
          <ApiKeyRow key={apiKey.id} apiKey={apiKey} onRevoke={() => revoke.mutate(apiKey.id)} />
        ))}
      </ul>
    </section>
  );
}

function ApiKeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  const used = apiKey.last_used_at ? `last used ${new Date(apiKey.last_used_at).toLocaleString()}` : "never used";
  return (
    <li className="flex items-center gap-3 px-4 py-3" data-testid={`api-key-item-${apiKey.name}`}>
      <div className="flex-1">
        <p className="text-sm font-medium text-slate-900 dark:text-slate-100">{apiKey.name}</p>
        <p className="font-mono text-xs text-slate-500 dark:text-slate-400">{apiKey.key_prefix}… · {apiKey.role} · {used}</p>
      </div>
      {apiKey.revoked_at ? (
        <span className="text-xs font-medium text-red-700 dark:text-red-300" data-testid={`api-key-revoked-${apiKey.name}`}>revoked</span>
      ) : (
        <Button variant="danger" onClick={onRevoke} data-testid={`api-key-revoke-${apiKey.name}`}>
          Revoke<span className="sr-only"> {apiKey.name}</span>
        </Button>
      )}
    </li>
  );
}

function CreateApiKeyForm({ slug, onCreated }: { slug: string; onCreated: () => Promise<void> }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<ProjectRole>("member");
  const create = useMutation({
    mutationFn: () =>
      apiFetch<{ key: string; api_key: ApiKey }>(`/api/v1/projects/${slug}/api-keys`, { method: "POST", body: { name, role } }),
    onSuccess: async () => {
      setName("");
      await onCreated();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Create an API key" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <TextField label="Key name" required value={name} placeholder="CI" onChange={(event) => setName(event.target.value)}
          data-testid="api-key-name" />
        <RoleSelect label="Role" value={role} onChange={(event) => setRole(event.target.value as ProjectRole)} data-testid="api-key-role" />
        <Button type="submit" disabled={create.isPending} data-testid="api-key-create">Create key</Button>
      </div>
      <ErrorMessage error={create.error} testId="api-key-error" />
      {create.data && <NewApiKey name={create.data.api_key.name} apiKey={create.data.key} />}
    </form>
  );
}
