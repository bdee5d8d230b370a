"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { GitHubConnectionSummary } from "@/lib/db";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { TextField } from "./ui/field";

const count = (values: Record<string, number>) => Object.values(values).reduce((sum, value) => sum + value, 0);

/** A project's GitHub connections (admins only): connect a repository, see what its webhook delivered. */
export function GitHubConnectionManager({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const queryKey = ["projects", slug, "github"];
  const connections = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ connections: GitHubConnectionSummary[] }>(`/api/v1/projects/${slug}/github`).then((body) => body.connections),
  });
  return (
    <section aria-labelledby="github-title" className="space-y-4">
      <h2 id="github-title" className="text-lg font-semibold">GitHub</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A connected repository keeps this project current: pushes to the default branch ingest the changed files, pull requests
        get a comment on the patterns they bring, new issues get pattern recommendations. On GitHub, add a webhook with the payload
        URL <code className="font-mono">&lt;this Motif&apos;s URL&gt;/api/v1/github/webhook</code>,
        content type <code className="font-mono">application/json</code> and the same secret.
      </p>
      <ConnectRepositoryForm slug={slug} onConnected={() => queryClient.invalidateQueries({ queryKey })} />
      <ErrorMessage error={connections.error} testId="github-error" />
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" data-testid="github-connection-list">
        {connections.data?.map((connection) => (
          <li key={connection.id} className="px-4 py-3" data-testid={`github-connection-${connection.repository}`}>
            <p className="text-sm font-medium text-slate-900 dark:text-slate-100">{connection.repository}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {count(connection.deliveries)} deliveries · {connection.deliveries.queued ?? 0} queued as jobs · {count(connection.ignored)} ignored
              {count(connection.ignored) > 0 && ` (${Object.entries(connection.ignored).map(([event, n]) => `${event} ${n}`).join(", ")})`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConnectRepositoryForm({ slug, onConnected }: { slug: string; onConnected: () => Promise<void> }) {
  const [repository, setRepository] = useState("");
  const [secret, setSecret] = useState("");
  const [token, setToken] = useState("");
  const connect = useMutation({
    mutationFn: () => apiFetch(`/api/v1/projects/${slug}/github`, { method: "POST", body: { repository, webhook_secret: secret, token } }),
    onSuccess: async () => {
      setSecret("");
      setToken("");
      await onConnected();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Connect a GitHub repository" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Repository" required value={repository} placeholder="owner/name" onChange={(event) => setRepository(event.target.value)} data-testid="github-repository" />
        <TextField label="Webhook secret" required type="password" value={secret} onChange={(event) => setSecret(event.target.value)} data-testid="github-secret" />
        <TextField label="GitHub token" required type="password" value={token} onChange={(event) => setToken(event.target.value)} data-testid="github-token" />
      </div>
      <Button type="submit" disabled={connect.isPending} data-testid="github-connect">Connect repository</Button>
      <ErrorMessage error={connect.error} testId="github-connect-error" />
      {connect.isSuccess && <p className="text-sm text-emerald-700 dark:text-emerald-300" data-testid="github-connected">Connected; the secrets are stored encrypted.</p>}
    </form>
  );
}
