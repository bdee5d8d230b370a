import { motifMetrics } from "@/lib/metrics";
import type { Database } from "./database";

/**
 * The database with every transaction's wait for a connection measured (time from the call to
 * its first statement): embedded, requests queue for PGlite's one session; on Supabase, for a
 * pooled connection. It is the number that says the database, not the code, is the bottleneck.
 */
export function measureWaits<D extends Database>(database: D): D {
  const histogram = motifMetrics.databaseWait();
  const transaction = database.transaction.bind(database);
  return {
    ...database,
    transaction: (fn, settings) => {
      const calledAt = performance.now();
      return transaction((inner) => {
        histogram.observe({ driver: database.driver }, (performance.now() - calledAt) / 1000);
        return fn(inner);
      }, settings);
    },
  };
}
