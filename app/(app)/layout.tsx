import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { getPageUser } from "@/lib/auth";

/** The signed-in part of the app: a header with the account, or a redirect to sign in. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser(await headers());
  if (!user) redirect("/sign-in");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
          <Link href="/projects" className="text-lg font-bold tracking-tight text-indigo-600">Motif</Link>
          <div className="flex items-center gap-4">
            <span className="text-sm text-slate-600" data-testid="current-user">{user.email}</span>
            <SignOutButton />
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </div>
  );
}
