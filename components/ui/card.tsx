import type { ReactNode } from "react";

/** A titled panel of a page; the title labels the region for assistive technology. */
export function Card({ title, children, className = "", testId, actions }: {
  title: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  actions?: ReactNode;
}) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} data-testid={testId}
      className={`min-w-0 space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800 ${className}`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
