"use client";

import { themeStorageKey } from "./theme-script";
import { useDarkMode } from "./use-dark-mode";

/** Switches light and dark mode and remembers the choice in localStorage. */
export function ThemeToggle() {
  const dark = useDarkMode();
  const toggle = () => {
    const next = !document.documentElement.classList.contains("dark");
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
