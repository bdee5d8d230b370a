"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ProjectMember } from "@/lib/db";
import type { ProjectRole } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { RoleSelect, TextField } from "./ui/field";

/** A project's members: admins add them by email, change their roles and remove them. */
export function MemberManager({ slug, isAdmin }: { slug: string; isAdmin: boolean }) {
  const queryClient = useQueryClient();
  const queryKey = ["projects", slug, "members"];
  const members = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ members: ProjectMember[] }>(`/api/v1/projects/${slug}/members`).then((body) => body.members),
  });
  // The whole project, not just its members: an admin changing their own role changes the page.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["projects", slug] });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: ProjectRole }) =>
      apiFetch(`/api/v1/projects/${slug}/members/${userId}`, { method: "PATCH", body: { role } }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => apiFetch(`/api/v1/projects/${slug}/members/${userId}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  return (
    <section aria-labelledby="members-title" className="space-y-4">
      <h2 id="members-title" className="text-lg font-semibold">Members</h2>
      <ErrorMessage error={members.error ?? changeRole.error ?? remove.error} testId="members-error" />
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800" data-testid="member-list">
        {members.data?.map((member) => (
          <MemberRow key={member.user_id} member={member} isAdmin={isAdmin}
            onRoleChange={(role) => changeRole.mutate({ userId: member.user_id, role })}
            onRemove={() => remove.mutate(member.user_id)} />
        ))}
      </ul>
      {isAdmin && <AddMemberForm slug={slug} onAdded={refresh} />}
    </section>
  );
}

function MemberRow({ member, isAdmin, onRoleChange, onRemove }: {
  member: ProjectMember;
  isAdmin: boolean;
  onRoleChange: (role: ProjectRole) => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex items-center gap-3 px-4 py-3" data-testid={`member-item-${member.email}`}>
      <span className="flex-1 text-sm text-slate-900 dark:text-slate-100">{member.email}</span>
      {isAdmin ? (
        <>
          <RoleSelect label={`Role of ${member.email}`} hideLabel value={member.role}
            data-testid={`member-role-${member.email}`}
            onChange={(event) => onRoleChange(event.target.value as ProjectRole)} />
          <Button variant="danger" onClick={onRemove} data-testid={`member-remove-${member.email}`}>
            Remove<span className="sr-only"> {member.email}</span>
          </Button>
        </>
      ) : (
        <span className="text-xs text-slate-500 dark:text-slate-400">{member.role}</span>
      )}
    </li>
  );
}

function AddMemberForm({ slug, onAdded }: { slug: string; onAdded: () => Promise<void> }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("member");
  const add = useMutation({
    mutationFn: () => apiFetch(`/api/v1/projects/${slug}/members`, { method: "POST", body: { email, role } }),
    onSuccess: async () => {
      setEmail("");
      await onAdded();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Add a member" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <TextField label="Email of an existing account" type="email" required value={email}
          onChange={(event) => setEmail(event.target.value)} data-testid="member-email" />
        <RoleSelect label="Role" value={role} onChange={(event) => setRole(event.target.value as ProjectRole)}
          data-testid="member-role" />
        <Button type="submit" disabled={add.isPending} data-testid="member-add">Add member</Button>
      </div>
      <ErrorMessage error={add.error} testId="member-error" />
    </form>
  );
}
