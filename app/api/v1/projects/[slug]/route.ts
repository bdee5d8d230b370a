import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { deleteProject, renameProject, requireProject } from "@/lib/projects";
import { updateProjectSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]: the project and the caller's role in it (404 for outsiders). */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const project = await asCaller(request, (transaction) => requireProject({ transaction, slug }));
  return jsonResponse({ project });
});

/** PATCH /api/v1/projects/[slug]: renames the project (admins). */
export const PATCH = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { name } = await parseBody(request, updateProjectSchema);
  const project = await asCaller(request, async (transaction) =>
    renameProject({ transaction, project: await requireProject({ transaction, slug }), name }),
  );
  return jsonResponse({ project });
});

/** DELETE /api/v1/projects/[slug]: deletes the project and everything in it (admins). */
export const DELETE = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  await asCaller(request, async (transaction) =>
    deleteProject({ transaction, project: await requireProject({ transaction, slug }) }),
  );
  return jsonResponse({ deleted: true });
});
