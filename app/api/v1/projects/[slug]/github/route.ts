import { MotifError } from "@/lib/errors";
import { connectRepository, listConnections } from "@/lib/github";
import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { requireProject } from "@/lib/projects";
import { connectGitHubSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]/github: the project's GitHub connections and their delivery counts (admins). */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const connections = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    if (project.role !== "admin") throw new MotifError("forbidden:auth", "only project admins can see GitHub connections");
    return listConnections({ transaction, projectId: project.id });
  });
  return jsonResponse({ connections });
});

/** POST /api/v1/projects/[slug]/github: connects a repository (secrets stored encrypted; admins). */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const body = await parseBody(request, connectGitHubSchema);
  const connection = await asCaller(request, async (transaction) =>
    connectRepository({ transaction, projectId: (await requireProject({ transaction, slug })).id, request: body }));
  return jsonResponse({ connection }, { status: connection.created ? 201 : 200 });
});
