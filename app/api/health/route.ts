import { checkHealth } from "@/lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health: mode, migrations applied, pgvector version; 503 when the database cannot answer. */
export function GET(): Promise<Response> {
  return checkHealth();
}
