import type { Metadata } from "next";
import { LiveFeed } from "@/components/live-feed";
import { getRealtimeConfig } from "@/lib/realtime";

export const metadata: Metadata = { title: "Live feed" };
export const dynamic = "force-dynamic";

/** `/projects/[slug]/feed`: the project's events as they happen (SSE or Supabase Realtime). */
export default async function FeedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // The server knows its mode, so the browser needs no round trip to learn the transport.
  return <LiveFeed slug={slug} config={getRealtimeConfig()} />;
}
