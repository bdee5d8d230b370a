import { getDatabase, getDatabaseHealth } from "@/lib/db";
import { getEnvironment } from "@/lib/env";

/**
 * The answer of GET /api/health: mode, migrations applied, pgvector version; a 503 when the
 * database cannot answer (the cause is logged, never sent).
 */
export async function checkHealth(): Promise<Response> {
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
