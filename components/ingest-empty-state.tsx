import Link from "next/link";
import { EmptyState } from "./ui/empty-state";

/** What a project without patterns shows: how to ingest its first repository, from the CLI or the page. */
export function IngestEmptyState({ slug, testId = "empty-ingest" }: { slug: string; testId?: string }) {
  return (
    <EmptyState title="Ingest your first repository" testId={testId}>
      <p>This project has no patterns yet. Motif finds them in your code: run this in a checkout,</p>
      <pre className="overflow-x-auto rounded-md bg-slate-100 px-3 py-2 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">
        <code>motif ingest . --project {slug}</code>
      </pre>
      <p>
        or{" "}
        <Link href={`/projects/${slug}/ingest`} className="font-medium text-indigo-700 underline dark:text-indigo-300" data-testid="empty-ingest-link">
          paste or upload files on the ingest page
        </Link>
        .
      </p>
    </EmptyState>
  );
}
