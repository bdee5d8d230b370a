"use client";

import { useSyncExternalStore } from "react";
import { themeStorageKey } from "./theme-script";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains("dark");

/** Switches light and dark mode and remembers the choice in localStorage. */
export function ThemeToggle() {
  // The server cannot know the theme; it renders the light label and the client corrects it.
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  const toggle = () => {
    const next = !isDark();
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem(themeStorageKey, next ? "dark" : "light");
    } catch {
      // Private windows may refuse storage: the switch still works for this page view.
    }
  };
  return (
    <button type="button" onClick={toggle} aria-pressed={dark} data-testid="theme-toggle"
      aria-label={dark ? "Switch to light mode" : "Switch to dark mode"}
      className="rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
      <span aria-hidden="true">{dark ? "☀" : "☾"}</span>
    </button>
  );
}
