"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ProjectInvitation, ProjectMember } from "@/lib/db";
import type { ProjectRole } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { RoleSelect, TextField } from "./ui/field";

/** A project's members: admins invite them by email, change their roles and remove them. */
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
      {isAdmin && <PendingInvitations slug={slug} />}
      {isAdmin && <InviteForm slug={slug} onInvited={refresh} />}
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

function InviteForm({ slug, onInvited }: { slug: string; onInvited: () => Promise<void> }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("member");
  const [sentTo, setSentTo] = useState<string | undefined>();
  const invite = useMutation({
    mutationFn: () => apiFetch(`/api/v1/projects/${slug}/invitations`, { method: "POST", body: { email, role } }),
    onSuccess: async () => {
      setSentTo(email);
      setEmail("");
      await onInvited();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-label="Invite a member" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <TextField label="Email to invite" type="email" required value={email}
          onChange={(event) => setEmail(event.target.value)} data-testid="member-email" />
        <RoleSelect label="Role" value={role} onChange={(event) => setRole(event.target.value as ProjectRole)}
          data-testid="member-role" />
        <Button type="submit" disabled={invite.isPending} data-testid="member-add">Invite</Button>
      </div>
      {sentTo && !invite.error && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="member-invited">
          Invited {sentTo}: they join once they accept, after signing in (or up) with that address.
        </p>
      )}
      <ErrorMessage error={invite.error} testId="member-error" />
    </form>
  );
}

/** A project's pending invitations, each of which an admin can withdraw. */
function PendingInvitations({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const queryKey = ["projects", slug, "invitations"];
  const invitations = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ invitations: ProjectInvitation[] }>(`/api/v1/projects/${slug}/invitations`).then((body) => body.invitations),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/projects/${slug}/invitations/${id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  if (!invitations.data?.length) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">Pending invitations</h3>
      <ErrorMessage error={withdraw.error} testId="invitations-error" />
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800">
        {invitations.data.map((invitation) => (
          <li key={invitation.id} className="flex items-center gap-3 px-4 py-3" data-testid={`invitation-item-${invitation.email}`}>
            <span className="flex-1 text-sm text-slate-900 dark:text-slate-100">{invitation.email}</span>
            <span className="text-xs text-slate-500 dark:text-slate-400">{invitation.role}</span>
            <Button variant="secondary" onClick={() => withdraw.mutate(invitation.id)} data-testid={`invitation-withdraw-${invitation.email}`}>
              Withdraw<span className="sr-only"> the invitation of {invitation.email}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
