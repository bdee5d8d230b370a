/** A grey placeholder block that pulses while content loads (hidden from screen readers). */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200 dark:bg-slate-800 ${className}`} />;
}

/** Placeholder lines for a loading list or table, announced once as "Loading". */
export function ListSkeleton({ rows = 5, label, testId }: { rows?: number; label: string; testId?: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3" data-testid={testId}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="h-8 w-full" />
      ))}
    </div>
  );
}
