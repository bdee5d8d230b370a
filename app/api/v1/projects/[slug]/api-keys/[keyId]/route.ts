import { asCaller, jsonResponse, parseWith, routeHandler } from "@/lib/http";
import { requireProject, revokeProjectApiKey } from "@/lib/projects";
import { apiKeyParamsSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE /api/v1/projects/[slug]/api-keys/[keyId]: revokes the key at once (admins). */
export const DELETE = routeHandler<{ slug: string; keyId: string }>(async (request, { params }) => {
  const { slug, keyId } = parseWith(apiKeyParamsSchema, await params);
  const apiKey = await asCaller(request, async (transaction) =>
    revokeProjectApiKey({ transaction, project: await requireProject({ transaction, slug }), keyId }),
  );
  return jsonResponse({ api_key: apiKey });
});
