import { exportColumns, exportPatterns, toCsv, type PatternExportQuery } from "@/lib/patterns";
import { asCaller, parseQuery, routeHandler } from "@/lib/http";
import { requireProject } from "@/lib/projects";
import { exportQuerySchema, type ExportQuery } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const maxRows = 50_000;

function toExportQuery(query: ExportQuery, projectId: string): PatternExportQuery {
  return {
    projectId,
    patternTypes: query.pattern_types,
    kinds: query.kinds,
    statuses: query.statuses?.length ? query.statuses : ["active", "pending"],
    tags: query.tags,
    languages: query.languages,
    minQualityScore: query.min_quality_score,
    maxQualityScore: query.max_quality_score,
    minSuccessRate: query.min_success_rate,
    text: query.q,
    recurring: query.recurring,
    sort: query.sort,
    direction: query.order,
  };
}

/**
 * GET /api/v1/projects/[slug]/patterns/export?format=csv|json&<filters>: every pattern of the
 * project that matches the patterns table's filters, as a download (RLS: project roles only).
 */
export const GET = routeHandler<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const query = parseQuery(request, exportQuerySchema);
  const patterns = await asCaller(request, async (transaction) => {
    const project = await requireProject({ transaction, slug });
    return exportPatterns({ transaction, query: toExportQuery(query, project.id), maxRows });
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const csv = query.format === "csv";
  const body = csv ? toCsv(patterns, exportColumns) : `${JSON.stringify({ patterns }, null, 2)}\n`;
  return new Response(body, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-patterns-${stamp}.${query.format}"`,
      "cache-control": "no-store",
    },
  });
});
