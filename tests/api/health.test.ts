import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { listMigrations } from "@/lib/db";
import { realPostgresLane } from "@/tests/support/real-postgres";
import { useTestApi } from "./api-harness";

describe("GET /api/health", () => {
  let close: () => Promise<void>;
  beforeAll(async () => ({ close } = await useTestApi()));
  afterAll(() => close());

  it("reports the mode, every applied migration and the pgvector version", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    // The real-Postgres lane's schema came from `supabase db push`, which records migrations only.
    const expected = (await listMigrations({ embedded: !realPostgresLane })).map((migration) => migration.version).sort();
    expect(body).toMatchObject({ status: "ok", mode: "embedded" });
    expect(body.migrations).toEqual(expected);
    expect(body.pgvector).toMatch(/^0\.8\./);
  });

  it("answers 503 when the database cannot answer", async () => {
    const globals = globalThis as { motifDatabase?: Promise<unknown> };
    const working = globals.motifDatabase;
    globals.motifDatabase = Promise.reject(new Error("database is gone"));
    globals.motifDatabase.catch(() => {});
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect((await response.json()).error.code).toBe("unavailable:database");
    } finally {
      globals.motifDatabase = working;
    }
  });
});
