/** A pattern's feedback counters, as stored (the database's trigger computes them from usage reports). */
export interface PatternCounters {
  usage_count: number;
  success_count: number;
  failure_count: number;
  success_rate: number | null;
  avg_rating: number | null;
  last_used_at: string | null;
}
