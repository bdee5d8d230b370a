import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { createProjectApiKey, listProjectApiKeys, requireProject } from "@/lib/projects";
import { createApiKeySchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]/api-keys: the project's keys, never the keys themselves (admins). */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const apiKeys = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return listProjectApiKeys({ transaction, project });
  });
  return jsonResponse({ api_keys: apiKeys });
});

/** POST /api/v1/projects/[slug]/api-keys: creates a key and shows it this once (admins, 201). */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const { name, role } = await parseBody(request, createApiKeySchema);
  const { apiKey, key } = await asCaller(request, async (transaction) =>
    createProjectApiKey({ transaction, project: await requireProject({ transaction, slug }), name, role }),
  );
  return jsonResponse({ api_key: apiKey, key }, { status: 201 });
});
