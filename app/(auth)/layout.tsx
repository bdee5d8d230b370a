import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getPageUser } from "@/lib/auth";

/** Sign-up and sign-in: a centred card; someone already signed in goes to their projects. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getPageUser(await headers())) redirect("/projects");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <p className="text-center text-lg font-bold tracking-tight text-indigo-600 dark:text-indigo-400">Motif</p>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">{children}</div>
      </div>
    </main>
  );
}
