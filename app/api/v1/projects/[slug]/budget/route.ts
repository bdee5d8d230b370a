import { budgetUpdateSchema } from "@/lib/domain";
import { asCaller, jsonResponse, parseBody, routeHandler } from "@/lib/http";
import { readProjectBudget, setProjectBudget } from "@/lib/llm";
import { resolveProject } from "@/lib/projects";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { slug: string };

/** GET /api/v1/projects/[slug]/budget: the project's LLM limits and this UTC day's and month's spend. */
export const GET = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const budget = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return readProjectBudget({ transaction, project });
  });
  return jsonResponse({ budget });
});

/**
 * PUT /api/v1/projects/[slug]/budget {daily_usd?, monthly_usd?}: sets the limits named (null
 * clears one). Admins only; members and viewers get a 403.
 */
export const PUT = routeHandler<Params>(async (request, { params }) => {
  const { slug } = await params;
  const update = await parseBody(request, budgetUpdateSchema);
  const budget = await asCaller(request, async (transaction, claims) => {
    const project = await resolveProject({ transaction, claims, reference: slug });
    return setProjectBudget({ transaction, project, update });
  });
  return jsonResponse({ budget });
});
