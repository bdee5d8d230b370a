"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { PatternView } from "@/lib/patterns";
import { apiFetch } from "./api-client";
import { formatLabel } from "./format";
import { control } from "./ui/field";

/** Finds a pattern by name or words (the list API's full-text search) and hands its id back. */
export function GraphSearch({ slug, onPick }: { slug: string; onPick: (pattern: PatternView) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const wanted = text.trim();
  const results = useQuery({
    queryKey: ["graph-search", slug, wanted],
    queryFn: () =>
      apiFetch<{ patterns: PatternView[] }>(`/api/v1/patterns?${new URLSearchParams({ project: slug, q: wanted, limit: "8", sort: "quality_score" })}`)
        .then((body) => body.patterns),
    enabled: wanted.length >= 2,
    staleTime: 30_000,
  });
  const pick = (pattern: PatternView) => {
    onPick(pattern);
    setText("");
    setOpen(false);
  };
  return (
    <div className="relative w-full sm:w-80">
      <label htmlFor={id} className="sr-only">Find a pattern to focus on</label>
      <input id={id} type="search" role="combobox" aria-expanded={open && wanted.length >= 2} aria-controls={`${id}-results`}
        aria-autocomplete="list" placeholder="Find a pattern to focus on…" value={text} className={control} data-testid="graph-search"
        onChange={(event) => (setText(event.target.value), setOpen(true))} onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
          if (event.key === "Enter" && results.data?.[0]) {
            event.preventDefault();
            pick(results.data[0]);
          }
        }} />
      {open && wanted.length >= 2 && (
        <ul id={`${id}-results`} role="listbox" data-testid="graph-search-results"
          className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-md bg-white text-sm shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
          {results.data?.length === 0 && <li className="px-3 py-2 text-slate-500 dark:text-slate-400">No pattern matches “{wanted}”.</li>}
          {results.data?.map((pattern) => (
            <li key={pattern.id} role="option" aria-selected={false} data-testid="graph-search-result" tabIndex={-1}
              className="cursor-pointer px-3 py-2 hover:bg-indigo-50 dark:hover:bg-slate-800"
              onMouseDown={(event) => (event.preventDefault(), pick(pattern))}>
              <span className="block font-medium">{pattern.name}</span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">{formatLabel(pattern.kind ?? pattern.pattern_type)} · {pattern.language ?? "—"}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
