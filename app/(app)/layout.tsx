import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { ThemeToggle } from "@/components/theme-toggle";
import { getPageUser } from "@/lib/auth";

/** The signed-in part of the app: a header with the account and theme, or a redirect to sign in. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center justify-between gap-2 px-4 py-3">
          <Link href="/projects" className="text-lg font-bold tracking-tight text-indigo-600 dark:text-indigo-400">Motif</Link>
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            <span className="truncate text-sm text-slate-600 dark:text-slate-300" data-testid="current-user">{user.email}</span>
            <ThemeToggle />
            <SignOutButton />
          </div>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:py-8">{children}</main>
    </div>
  );
}
