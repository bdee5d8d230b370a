import { getDatabase, getDatabaseHealth } from "@/lib/db";
import { getEnvironment } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health: mode, migrations applied, pgvector version; 503 when the database cannot answer. */
export async function GET(): Promise<Response> {
  const mode = getEnvironment().mode;
  try {
    const database = await getDatabase();
    // The probe reads catalog and migration history only, as the connection's owner: the
    // history table belongs to the migration tool, not to any API role.
    const health = await getDatabaseHealth({ transaction: database });
    return Response.json({ status: "ok", mode, ...health });
  } catch (error) {
    console.error("health check failed", error);
    return Response.json(
      { status: "unavailable", mode, error: { code: "unavailable:database", message: "the database cannot answer" } },
      { status: 503 },
    );
  }
}
