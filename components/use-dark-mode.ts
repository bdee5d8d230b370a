"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains("dark");

/** Whether the page is in dark mode now (the `dark` class on <html>), following every switch. */
export function useDarkMode(): boolean {
  // The server cannot know the theme; it renders light and the client corrects it.
  return useSyncExternalStore(subscribe, isDark, () => false);
}
