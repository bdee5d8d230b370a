import type { Metadata } from "next";
import { IngestForm } from "@/components/ingest-form";
import { JobList } from "@/components/job-list";

export const metadata: Metadata = { title: "Ingest" };

/** `/projects/[slug]/ingest`: upload or paste code and extract its patterns into the project. */
export default async function IngestPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Ingest code</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Motif parses the files, groups the functions and classes that do the same thing into patterns, and scores them.
          For a whole repository, run <code className="font-mono">motif ingest . --project {slug}</code> in it.
        </p>
      </header>
      <IngestForm slug={slug} />
      <JobList slug={slug} />
    </div>
  );
}
