"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { LlmBudget } from "@/lib/domain";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { TextField } from "./ui/field";

// An empty field clears the limit.
const limitOf = (text: string) => (text.trim() === "" ? null : Number(text));

/** Admins set the project's daily and monthly LLM budget in US dollars. */
export function BudgetForm({ slug, budget }: { slug: string; budget: LlmBudget }) {
  const queryClient = useQueryClient();
  const [daily, setDaily] = useState(budget.daily_usd?.toString() ?? "");
  const [monthly, setMonthly] = useState(budget.monthly_usd?.toString() ?? "");
  const save = useMutation({
    mutationFn: () => apiFetch(`/api/v1/projects/${slug}/budget`, { method: "PUT", body: { daily_usd: limitOf(daily), monthly_usd: limitOf(monthly) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["projects", slug, "costs"] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="budget-form">
      <TextField label="Daily budget (USD, empty: none)" inputMode="decimal" value={daily} onChange={(event) => setDaily(event.target.value)} data-testid="budget-daily" />
      <TextField label="Monthly budget (USD, empty: none)" inputMode="decimal" value={monthly} onChange={(event) => setMonthly(event.target.value)} data-testid="budget-monthly" />
      <Button type="submit" disabled={save.isPending}>Save</Button>
      <div className="sm:col-span-3"><ErrorMessage error={save.error} testId="budget-error" /></div>
    </form>
  );
}
