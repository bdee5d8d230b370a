import type { Metadata } from "next";
import { SessionsList } from "@/components/sessions-list";

export const metadata: Metadata = { title: "Sessions" };

/** `/projects/[slug]/sessions`: the project's analysed coding sessions. */
export default async function SessionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <SessionsList slug={slug} />;
}
