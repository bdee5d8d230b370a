import { describe, expect, it } from "vitest";
import { postgresPoolOptions } from "@/lib/db";

describe("postgresPoolOptions", () => {
  it("shapes the pool for Supabase's transaction pooler on port 6543: no prepared statements, 20 connections", () => {
    expect(postgresPoolOptions("postgres://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres"))
      .toEqual({ mode: "transaction", max: 20, prepare: false, idleTimeoutSeconds: 20 });
  });

  it("shapes it for a direct connection (or the session pooler) otherwise: prepared statements, 10 connections", () => {
    expect(postgresPoolOptions("postgres://postgres:pw@db.abcdefghijklmnop.supabase.co:5432/postgres"))
      .toEqual({ mode: "direct", max: 10, prepare: true, idleTimeoutSeconds: 60 });
    expect(postgresPoolOptions("postgres://postgres@localhost/postgres").mode).toBe("direct");
  });

  it("takes the mode and size from the caller (MOTIF_DB_POOL_MODE, MOTIF_DB_POOL_MAX) over the port", () => {
    expect(postgresPoolOptions("postgres://u@pgbouncer.internal:6432/db", { mode: "transaction", max: 40 }))
      .toMatchObject({ mode: "transaction", max: 40, prepare: false });
    expect(postgresPoolOptions("postgres://u@host:6543/db", { mode: "direct" })).toMatchObject({ mode: "direct", prepare: true });
  });
});
