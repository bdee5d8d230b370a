"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { apiFetch } from "./api-client";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { TextField } from "./ui/field";

const copy = {
  "sign-up": { title: "Create your Motif account", action: "Sign up", other: "/sign-in", otherText: "Already have an account? Sign in" },
  "sign-in": { title: "Sign in to Motif", action: "Sign in", other: "/sign-up", otherText: "No account yet? Sign up" },
};

/** The sign-up and sign-in form: posts to the auth API, then opens the projects. */
export function AuthForm({ mode }: { mode: "sign-up" | "sign-in" }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = useMutation({
    mutationFn: () => apiFetch(`/api/v1/auth/${mode}`, { method: "POST", body: { email, password } }),
    onSuccess: () => {
      router.replace("/projects");
      router.refresh();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const text = copy[mode];
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-labelledby="auth-title">
      <h1 id="auth-title" className="text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-100">
        {text.title}
      </h1>
      <TextField label="Email" type="email" autoComplete="email" required value={email}
        onChange={(event) => setEmail(event.target.value)} data-testid="auth-email" />
      <TextField label="Password" type="password" required minLength={mode === "sign-up" ? 8 : undefined}
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"} value={password}
        onChange={(event) => setPassword(event.target.value)} data-testid="auth-password" />
      {mode === "sign-up" && <p className="text-xs text-slate-500 dark:text-slate-400">At least 8 characters.</p>}
      <ErrorMessage error={submit.error} testId="auth-error" />
      <Button type="submit" className="w-full" disabled={submit.isPending} data-testid="auth-submit">
        {submit.isPending ? `${text.action}…` : text.action}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        <Link href={text.other} className="font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400">
          {text.otherText}
        </Link>
      </p>
    </form>
  );
}
