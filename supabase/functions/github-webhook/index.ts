// POST /functions/v1/github-webhook — see lib/edge-functions/github-webhook-function.ts.
import { githubWebhookFunction } from "@/lib/edge-functions/index.ts";
import { serveFunction } from "../_shared/serve-function.ts";

serveFunction(githubWebhookFunction);
