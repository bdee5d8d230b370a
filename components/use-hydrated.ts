"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server draws a page (and in the HTML the browser shows before the scripts
 * run), true once React runs it in the browser: pages mark themselves interactive with it, so
 * that a test or a bench can tell drawn from usable.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
