import { getEnvironment } from "@/lib/env";
import type { RealtimeConfig } from "./pattern-event";

/**
 * The transport browsers should use, decided by the server's mode: Supabase Realtime when a
 * Supabase project is configured (its URL and anon key are public by design), else this
 * server's Server-Sent Events.
 */
export function getRealtimeConfig(): RealtimeConfig {
  const environment = getEnvironment();
  if (environment.mode === "supabase" && environment.SUPABASE_URL && environment.SUPABASE_ANON_KEY) {
    return { transport: "supabase", supabaseUrl: environment.SUPABASE_URL, supabaseAnonKey: environment.SUPABASE_ANON_KEY };
  }
  return { transport: "sse" };
}
