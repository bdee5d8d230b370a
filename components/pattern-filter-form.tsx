"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, type FormEvent } from "react";
import { apiFetch } from "./api-client";
import { patternListKeys, type PatternFilters } from "./pattern-list-query";
import { kindOptions, languageOptions, patternTypeOptions, recurringOptions, sortOptions, statusOptions, type Option } from "./pattern-vocabulary";
import { Button } from "./ui/button";
import { control, SelectField } from "./ui/field";

function CommitField({ label, name, value, onCommit, ...props }: {
  label: string;
  name: keyof PatternFilters;
  value: string | undefined;
  onCommit: (value: string) => void;
  type?: string;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700 dark:text-slate-300">{label}</label>
      {/* Re-mounted when the URL changes, so Back/Forward show the applied value. */}
      <input key={value ?? ""} id={id} name={name} defaultValue={value ?? ""} className={control} data-testid={`filter-${name}`}
        onBlur={(event) => event.target.value !== (value ?? "") && onCommit(event.target.value)} {...props} />
    </div>
  );
}

function FilterSelect({ label, name, options, filters, onChange }: {
  label: string;
  name: keyof PatternFilters;
  options: Option[];
  filters: PatternFilters;
  onChange: (changes: PatternFilters) => void;
}) {
  return (
    <SelectField label={label} options={options} value={filters[name] ?? ""} data-testid={`filter-${name}`}
      onChange={(event) => onChange({ [name]: event.target.value })} />
  );
}

/** The project's repositories as filter options ("Any" first); none when it holds a single unnamed checkout. */
function useRepositoryOptions(slug: string): Option[] {
  const repositories = useQuery({
    queryKey: patternListKeys.repositories(slug),
    queryFn: () => apiFetch<{ repositories: { repository: string; patterns: number }[] }>(`/api/v1/projects/${encodeURIComponent(slug)}/repositories`)
      .then((body) => body.repositories),
    staleTime: 60_000,
  });
  const list = repositories.data ?? [];
  if (list.length === 0 || (list.length === 1 && list[0].repository === "")) return [];
  // "" is the empty filter ("Any"), so the unnamed checkout cannot be picked on its own.
  return [{ value: "", label: "Any" }, ...list.filter(({ repository }) => repository !== "").map(({ repository, patterns }) => ({
    value: repository, label: `${repository} · ${patterns.toLocaleString()}`,
  }))];
}

/**
 * The patterns table's filters: selects apply at once, typed fields when they lose focus or
 * on Enter. Every change goes to the URL (see usePatternFilters).
 */
export function PatternFilterForm({ slug, filters, onChange }: { slug: string; filters: PatternFilters; onChange: (changes: PatternFilters) => void }) {
  const repositories = useRepositoryOptions(slug);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const typed = ["tags", "min_quality_score", "max_quality_score"] as const;
    onChange(Object.fromEntries(typed.map((key) => [key, String(data.get(key) ?? "")])));
  };
  const hasFilters = Object.entries(filters).some(([key, value]) => value && key !== "sort" && key !== "order");
  return (
    <form onSubmit={onSubmit} aria-label="Filter patterns" data-testid="pattern-filters"
      className="grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4 lg:grid-cols-5 lg:items-end xl:grid-cols-10 dark:bg-slate-900 dark:ring-slate-800">
      {repositories.length > 0 && <FilterSelect label="Repository" name="repositories" options={repositories} filters={filters} onChange={onChange} />}
      <FilterSelect label="Type" name="pattern_types" options={patternTypeOptions} filters={filters} onChange={onChange} />
      <FilterSelect label="Kind" name="kinds" options={kindOptions} filters={filters} onChange={onChange} />
      <FilterSelect label="Language" name="languages" options={languageOptions} filters={filters} onChange={onChange} />
      <FilterSelect label="Status" name="statuses" options={statusOptions} filters={filters} onChange={onChange} />
      <FilterSelect label="Recurring" name="recurring" options={recurringOptions} filters={filters} onChange={onChange} />
      <CommitField label="Tag" name="tags" value={filters.tags} placeholder="retry" onCommit={(tags) => onChange({ tags })} />
      <CommitField label="Quality from" name="min_quality_score" type="number" min={0} max={1} step={0.05}
        value={filters.min_quality_score} placeholder="0" onCommit={(value) => onChange({ min_quality_score: value })} />
      <CommitField label="Quality to" name="max_quality_score" type="number" min={0} max={1} step={0.05}
        value={filters.max_quality_score} placeholder="1" onCommit={(value) => onChange({ max_quality_score: value })} />
      <FilterSelect label="Sort by" name="sort" options={sortOptions} filters={filters} onChange={onChange} />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" data-testid="filter-apply">Apply</Button>
        {hasFilters && (
          <Button type="button" variant="secondary" data-testid="filter-clear"
            onClick={() => onChange(Object.fromEntries(Object.keys(filters).filter((key) => key !== "sort" && key !== "order").map((key) => [key, ""])))}>
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
