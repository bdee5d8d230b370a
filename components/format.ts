/** A 0–1 score as a percentage, or an em dash when unknown: 0.734 → "73%". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

/** A 0–1 score with two decimals, or an em dash: 0.734 → "0.73". */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(2);
}

/** A timestamp as a short local date and time, or "never". */
export function formatDate(value: string | null | undefined): string {
  return value ? new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "never";
}

/** `function_pattern` → "function", `retry_backoff` → "retry backoff". */
export function formatLabel(value: string | null | undefined): string {
  return value ? value.replace(/_pattern$/, "").replaceAll("_", " ") : "—";
}
