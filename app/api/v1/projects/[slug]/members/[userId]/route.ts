import { asCaller, jsonResponse, parseBody, parseWith, routeHandler } from "@/lib/http";
import { changeMemberRole, removeMember, requireProject } from "@/lib/projects";
import { memberParamsSchema, updateMemberSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string; userId: string };

/** PATCH /api/v1/projects/[slug]/members/[userId]: changes a role (admins; keeps one admin). */
export const PATCH = routeHandler<Params>(async (request, { params }) => {
  const { slug, userId } = parseWith(memberParamsSchema, await params);
  const { role } = await parseBody(request, updateMemberSchema);
  const member = await asCaller(request, async (transaction) =>
    changeMemberRole({ transaction, project: await requireProject({ transaction, slug }), userId, role }),
  );
  return jsonResponse({ member });
});

/** DELETE /api/v1/projects/[slug]/members/[userId]: removes a member (admins; keeps one admin). */
export const DELETE = routeHandler<Params>(async (request, { params }) => {
  const { slug, userId } = parseWith(memberParamsSchema, await params);
  await asCaller(request, async (transaction) =>
    removeMember({ transaction, project: await requireProject({ transaction, slug }), userId }),
  );
  return jsonResponse({ removed: true });
});
