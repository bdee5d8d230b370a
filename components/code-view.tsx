"use client";

import { useQuery } from "@tanstack/react-query";
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

let highlighter: Promise<HighlighterCore> | undefined;

// Only the four languages Motif extracts and two themes, loaded on first use: the full bundle
// is megabytes. Everything ships inside the shiki package, so nothing is fetched from the web.
function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
    langs: [
      import("shiki/langs/python.mjs"),
      import("shiki/langs/typescript.mjs"),
      import("shiki/langs/tsx.mjs"),
      import("shiki/langs/javascript.mjs"),
    ],
    // The JavaScript regex engine avoids loading a WebAssembly file at run time.
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

const languages = new Set(["python", "typescript", "tsx", "javascript"]);

/**
 * Source code with syntax highlighting in the page's theme (both themes are rendered as CSS
 * variables; globals.css picks one). Until the highlighter loads, or for an unknown language,
 * the plain code is shown, so the code is never hidden behind a spinner.
 */
export function CodeView({ code, language }: { code: string; language: string | null }) {
  const lang = language && languages.has(language) ? language : null;
  const html = useQuery({
    queryKey: ["highlight", lang, code],
    queryFn: async () =>
      (await getHighlighter()).codeToHtml(code, {
        lang: lang ?? "text",
        themes: { light: "github-light", dark: "github-dark" },
        defaultColor: false,
      }),
    enabled: lang !== null,
    staleTime: Infinity,
  });
  const frame = "overflow-x-auto rounded-md p-3 font-mono text-xs leading-5 ring-1 ring-slate-200 dark:ring-slate-800 [&_pre]:!bg-transparent";
  if (!html.data) {
    return (
      <pre className={`${frame} bg-slate-50 text-slate-800 dark:bg-slate-950 dark:text-slate-200`} data-testid="pattern-code">
        <code>{code}</code>
      </pre>
    );
  }
  return (
    <div className={`${frame} bg-white dark:bg-[#24292e]`} data-testid="pattern-code" data-highlighted="true"
      dangerouslySetInnerHTML={{ __html: html.data }} />
  );
}
