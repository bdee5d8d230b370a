"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** Axis ticks in the surrounding text colour, so they read in light and dark mode alike. */
export const tick = { fill: "currentColor", fontSize: 12 };

/** A tooltip that follows the theme (recharts draws a white box by default). */
export const tooltipStyle = {
  contentStyle: { background: "var(--tooltip-bg, #fff)", border: "1px solid #cbd5e1", borderRadius: 6, fontSize: 12 },
  labelStyle: { color: "inherit" },
  wrapperClassName: "[--tooltip-bg:#fff] dark:[--tooltip-bg:#0f172a]",
};

/**
 * A chart that fills its container's width at a fixed height, with a text summary for screen
 * readers (a chart is an image to them). The initial size avoids a zero-size first render.
 */
export function ChartFrame({ height = 240, label, children, testId }: {
  height?: number;
  label: string;
  children: ReactElement;
  testId?: string;
}) {
  return (
    <figure className="min-w-0 text-slate-500 dark:text-slate-400" data-testid={testId}>
      <div style={{ height }} role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
