import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { createProject, listCallerProjects } from "@/lib/projects";
import { createProjectSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/v1/projects: the projects the caller belongs to (an API key: its own project). */
export const GET = routeHandler(async (request) => {
  const projects = await asCaller(request, (transaction) => listCallerProjects({ transaction }));
  return jsonResponse({ projects });
});

/** POST /api/v1/projects: creates a project with the caller as its admin (201). */
export const POST = routeHandler(async (request) => {
  const { name, slug } = await parseBody(request, createProjectSchema);
  const project = await asCaller(request, (transaction) => createProject({ transaction, name, slug }));
  return jsonResponse({ project }, { status: 201 });
});
