import { sessionCookieName } from "@/lib/auth";
import { jsonResponse, routeHandler } from "@/lib/http";
import { buildOpenApiDocument } from "@/lib/http";
import { apiOperations } from "./operations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1, generated from the zod schemas. */
export const GET = routeHandler(async () => {
  document ??= buildOpenApiDocument(
    {
      title: "Motif API",
      version: "1",
      description: "Pattern intelligence for software teams: patterns, match, feedback, prompt enhancement. Row-level security decides what each caller sees.",
    },
    apiOperations,
    sessionCookieName,
  );
  return jsonResponse(document);
});
