import { createGitHubWebhookHandler } from "@/lib/github";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/github/webhook: GitHub's deliveries for every connected project (signature-verified). */
export const POST = createGitHubWebhookHandler();
