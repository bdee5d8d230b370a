/** The localStorage key the chosen theme is kept under ("light" | "dark"; absent: follow the system). */
export const themeStorageKey = "motif-theme";

// Runs before the first paint so a dark-mode user never sees a white flash. Kept tiny and
// self-contained: it cannot import anything.
const script = `(function(){try{var t=localStorage.getItem(${JSON.stringify(themeStorageKey)});var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

/** Sets the `dark` class on <html> from the saved choice or `prefers-color-scheme`, before paint. */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
