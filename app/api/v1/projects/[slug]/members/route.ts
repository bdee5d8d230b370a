import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { addProjectMember, listProjectMembers, requireProject } from "@/lib/projects";
import { addMemberSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]/members: the members with their emails and roles. */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const members = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return listProjectMembers({ transaction, project });
  });
  return jsonResponse({ members });
});

/** POST /api/v1/projects/[slug]/members: adds an account by email (admins; 404 unknown email). */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { email, role } = await parseBody(request, addMemberSchema);
  const member = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return addProjectMember({ transaction, project, email, role });
  });
  return jsonResponse({ member }, { status: 201 });
});
