import Link from "next/link";

/** What a signed-in visitor sees for a project (or page) that does not exist or is not theirs: a 404, and the way back. */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center" data-testid="not-found">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">This page does not exist, or is not yours to see</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        A project shows only to its members. If you expected to see it, ask one of its admins to add you.
      </p>
      <Link href="/projects" className="inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">← Your projects</Link>
    </div>
  );
}
