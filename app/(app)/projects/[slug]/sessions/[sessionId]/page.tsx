import type { Metadata } from "next";
import { SessionDetail } from "@/components/sessions-list";

export const metadata: Metadata = { title: "Session" };

/** `/projects/[slug]/sessions/[sessionId]`: one analysed session's report. */
export default async function SessionPage({ params }: { params: Promise<{ slug: string; sessionId: string }> }) {
  const { slug, sessionId } = await params;
  return <SessionDetail slug={slug} sessionId={sessionId} />;
}
