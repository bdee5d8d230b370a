import { describe, expect, it } from "vitest";
import { maintenanceFor, type AutovacuumSettings, type TableActivity } from "@/lib/db";

// Postgres' defaults, as pg_settings reports them in PGlite.
const defaults: AutovacuumSettings = {
  vacuumThreshold: 50, vacuumScaleFactor: 0.2, insertThreshold: 1000, insertScaleFactor: 0.2,
  analyzeThreshold: 50, analyzeScaleFactor: 0.1, freezeMaxAge: 200_000_000,
};
const quiet: TableActivity = { table: "public.patterns", tuples: 100_000, dead: 0, insertedSinceVacuum: 0, modifiedSinceAnalyze: 0, xidAge: 1_000 };

describe("autovacuum's rules for one table", () => {
  it("leave a table alone while its changes are under the thresholds", () => {
    expect(maintenanceFor(quiet, defaults)).toBeUndefined();
    expect(maintenanceFor({ ...quiet, dead: 20_050, insertedSinceVacuum: 21_000, modifiedSinceAnalyze: 10_050 }, defaults)).toBeUndefined();
  });

  it("vacuum past 50 dead rows + 20 % of the table", () => {
    const task = maintenanceFor({ ...quiet, dead: 20_051 }, defaults);
    expect(task).toEqual({ table: "public.patterns", vacuum: true, freeze: false, analyze: false, reason: "20051 dead rows" });
  });

  it("vacuum past 1,000 inserted rows + 20 %, so that new pages become all-visible and frozen", () => {
    expect(maintenanceFor({ ...quiet, insertedSinceVacuum: 21_001 }, defaults)).toMatchObject({ vacuum: true, analyze: false, reason: "21001 rows inserted" });
  });

  it("analyze past 50 changed rows + 10 %, and count a never-analysed table (reltuples -1) as empty", () => {
    expect(maintenanceFor({ ...quiet, modifiedSinceAnalyze: 10_051 }, defaults)).toMatchObject({ vacuum: false, analyze: true });
    expect(maintenanceFor({ ...quiet, tuples: -1, modifiedSinceAnalyze: 51 }, defaults)).toMatchObject({ vacuum: false, analyze: true });
    expect(maintenanceFor({ ...quiet, tuples: -1, modifiedSinceAnalyze: 50 }, defaults)).toBeUndefined();
  });

  it("freeze a table whose oldest transaction id is older than autovacuum_freeze_max_age, with no other reason", () => {
    const task = maintenanceFor({ ...quiet, xidAge: 200_000_001 }, defaults);
    expect(task).toEqual({ table: "public.patterns", vacuum: true, freeze: true, analyze: false, reason: "transaction ids 200000001 old" });
  });

  it("follow the server's settings rather than the defaults", () => {
    expect(maintenanceFor({ ...quiet, dead: 600 }, { ...defaults, vacuumScaleFactor: 0.005 })).toMatchObject({ vacuum: true });
  });

  it("never analyse pg_statistic, which every ANALYZE writes (as autovacuum)", () => {
    expect(maintenanceFor({ ...quiet, table: "pg_catalog.pg_statistic", tuples: 500, modifiedSinceAnalyze: 1_000 }, defaults)).toBeUndefined();
  });
});
