import { createGitHubWebhookHandler } from "@/lib/github";
import { functionRuntime } from "./function-runtime";

/**
 * The `github-webhook` edge function: the same handler as `POST /api/v1/github/webhook`
 * (signature checked against each connected project's secret, a redelivery a no-op, the work
 * queued as a job and answered at once), on the function's database. GitHub sends no JWT;
 * the signature is the credential.
 */
export const githubWebhookFunction = createGitHubWebhookHandler({ database: async () => (await functionRuntime()).database });
