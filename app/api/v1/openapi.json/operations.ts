import type { ApiOperation } from "@/lib/http";
import { signInSchema } from "../auth/sign-in/schema";
import { signUpSchema } from "../auth/sign-up/schema";
import { extractSchema } from "../extract/schema";
import { deletePatternQuerySchema, patternParamsSchema, updatePatternSchema } from "../patterns/[id]/schema";
import { closeUsageSchema, usageParamsSchema } from "../patterns/[id]/usage/[usageId]/schema";
import { recordUsageSchema, usageQuerySchema } from "../patterns/[id]/usage/schema";
import { recordValidationSchema } from "../patterns/[id]/validations/schema";
import { matchSchema } from "../patterns/match/schema";
import { createPatternSchema, listPatternsQuerySchema } from "../patterns/schema";
import { apiKeyParamsSchema } from "../projects/[slug]/api-keys/[keyId]/schema";
import { createApiKeySchema } from "../projects/[slug]/api-keys/schema";
import { listEntriesQuerySchema } from "../projects/[slug]/events/entries/schema";
import { connectGitHubSchema } from "../projects/[slug]/github/schema";
import { listEventsQuerySchema, streamEventsQuerySchema } from "../projects/[slug]/events/schema";
import { graphQuerySchema } from "../projects/[slug]/graph/schema";
import { createJobSchema, jobParamsSchema, listJobsQuerySchema } from "../projects/[slug]/jobs/schema";
import { accuracyQuerySchema } from "../projects/[slug]/accuracy/schema";
import { insightsQuerySchema } from "../projects/[slug]/insights/schema";
import { memberParamsSchema, updateMemberSchema } from "../projects/[slug]/members/[userId]/schema";
import { projectInvitationParamsSchema } from "../projects/[slug]/invitations/[invitationId]/schema";
import { inviteMemberSchema } from "../projects/[slug]/invitations/schema";
import { invitationParamsSchema } from "../invitations/[invitationId]/schema";
import { authSessionParamsSchema } from "../auth/sessions/[sessionId]/schema";
import { exportQuerySchema } from "../projects/[slug]/patterns/export/schema";
import { occurrenceCountsQuerySchema } from "../projects/[slug]/patterns/occurrence-counts/schema";
import { updateProjectSchema } from "../projects/[slug]/schema";
import { createProjectSchema } from "../projects/schema";
import { enhancePromptSchema } from "../prompts/enhance/schema";
import { budgetUpdateSchema, costsQuerySchema, describeRequestSchema, listSessionsQuerySchema, sessionAnalyzeRequestSchema, sessionParamsSchema } from "@/lib/domain";

const ok = (description: string) => ({ status: 200, description });
const created = (description: string) => ({ status: 201, description });
const project = "/api/v1/projects/{slug}";
const pattern = "/api/v1/patterns/{id}";

/** Every operation under /api/v1, with the zod schemas its handler validates with. */
export const apiOperations: ApiOperation[] = [
  { method: "POST", path: "/api/v1/auth/sign-up", tag: "auth", summary: "Create a local account and sign in", authenticated: false, body: signUpSchema, success: created("The account and its session"), errors: [409, 413, 429] },
  { method: "POST", path: "/api/v1/auth/sign-in", tag: "auth", summary: "Start a session", authenticated: false, body: signInSchema, success: ok("The user, the access token and the session cookie"), errors: [413, 429] },
  { method: "POST", path: "/api/v1/auth/sign-out", tag: "auth", summary: "End the session (its token stops working) and clear the cookie", authenticated: false, success: ok("Signed out") },
  { method: "GET", path: "/api/v1/auth/sessions", tag: "auth", summary: "The caller's live sessions (users)", success: ok("Sessions, the current one marked"), errors: [403] },
  { method: "DELETE", path: "/api/v1/auth/sessions/{sessionId}", tag: "auth", summary: "End one of the caller's sessions", params: authSessionParamsSchema, success: ok("Revoked"), errors: [403, 404] },
  { method: "GET", path: "/api/v1/invitations", tag: "projects", summary: "Invitations addressed to the caller", success: ok("Invitations") },
  { method: "POST", path: "/api/v1/invitations/{invitationId}/accept", tag: "projects", summary: "Accept an invitation: join the project", params: invitationParamsSchema, success: ok("The membership"), errors: [404] },
  { method: "DELETE", path: "/api/v1/invitations/{invitationId}", tag: "projects", summary: "Decline an invitation", params: invitationParamsSchema, success: ok("Declined"), errors: [404] },
  { method: "GET", path: "/api/v1/auth/session", tag: "auth", summary: "Who is calling: a user or an API key", success: ok("The caller") },
  { method: "GET", path: "/api/v1/config", tag: "config", summary: "Deployment mode and realtime transport", authenticated: false, success: ok("Public configuration") },
  { method: "GET", path: "/api/v1/openapi.json", tag: "config", summary: "This document", authenticated: false, success: ok("The OpenAPI 3.1 document") },

  { method: "GET", path: "/api/v1/projects", tag: "projects", summary: "The caller's projects", success: ok("Projects with the caller's role") },
  { method: "POST", path: "/api/v1/projects", tag: "projects", summary: "Create a project (the caller becomes admin)", body: createProjectSchema, success: created("The project"), errors: [403, 409] },
  { method: "GET", path: project, tag: "projects", summary: "A project and the caller's role in it", success: ok("The project"), errors: [404] },
  { method: "PATCH", path: project, tag: "projects", summary: "Rename a project (admins)", body: updateProjectSchema, success: ok("The project"), errors: [403, 404] },
  { method: "DELETE", path: project, tag: "projects", summary: "Delete a project and everything in it (admins)", success: ok("Deleted"), errors: [403, 404] },
  { method: "GET", path: `${project}/github`, tag: "github", summary: "The project's GitHub connections with delivery counts, no secrets (admins)", success: ok("Connections"), errors: [403, 404] },
  { method: "POST", path: `${project}/github`, tag: "github", summary: "Connect a GitHub repository; webhook secret and token stored encrypted (admins)", body: connectGitHubSchema, success: created("The connection (200 when it replaced the secrets of an existing one)"), errors: [403, 404] },
  { method: "POST", path: "/api/v1/github/webhook", tag: "github", summary: "GitHub's webhook deliveries for every connected project (X-Hub-Signature-256; 202 with the work queued, 200 for ping, ignored or redelivered)", authenticated: false, success: { status: 202, description: "The delivery was recorded and its work queued" }, errors: [401] },
  { method: "GET", path: `${project}/members`, tag: "projects", summary: "Members with e-mail and role", success: ok("Members"), errors: [404] },
  { method: "GET", path: `${project}/invitations`, tag: "projects", summary: "Pending invitations (admins)", success: ok("Invitations"), errors: [404] },
  { method: "POST", path: `${project}/invitations`, tag: "projects", summary: "Invite an e-mail address (admins); the same answer whether or not it has an account", body: inviteMemberSchema, success: { status: 202, description: "The invitation, for the invitee to accept" }, errors: [403, 404, 409] },
  { method: "DELETE", path: `${project}/invitations/{invitationId}`, tag: "projects", summary: "Withdraw an invitation (admins)", params: projectInvitationParamsSchema, success: ok("Withdrawn"), errors: [403, 404] },
  { method: "PATCH", path: `${project}/members/{userId}`, tag: "projects", summary: "Change a member's role (admins)", params: memberParamsSchema, body: updateMemberSchema, success: ok("The membership"), errors: [403, 404, 409] },
  { method: "DELETE", path: `${project}/members/{userId}`, tag: "projects", summary: "Remove a member (admins)", params: memberParamsSchema, success: ok("Removed"), errors: [403, 404, 409] },
  { method: "GET", path: `${project}/api-keys`, tag: "projects", summary: "The project's API keys, never the keys (admins)", success: ok("API keys"), errors: [403, 404] },
  { method: "POST", path: `${project}/api-keys`, tag: "projects", summary: "Create an API key, shown once (admins)", body: createApiKeySchema, success: created("The key and its record"), errors: [403, 404] },
  { method: "DELETE", path: `${project}/api-keys/{keyId}`, tag: "projects", summary: "Revoke an API key (admins)", params: apiKeyParamsSchema, success: ok("The revoked key"), errors: [403, 404] },
  { method: "GET", path: `${project}/events`, tag: "feed", summary: "The project's pattern events, oldest first after a given id", query: listEventsQuerySchema, success: ok("Events"), errors: [404] },
  { method: "GET", path: `${project}/events/entries`, tag: "feed", summary: "The feed as entries, newest first: one per ingest (its pattern events with ingest=<job id>), each naming its actor", query: listEntriesQuerySchema, success: ok("Entries and the next page's id"), errors: [400, 404] },
  { method: "GET", path: `${project}/repositories`, tag: "patterns", summary: "The repositories ingested into the project, with their pattern counts", success: ok("Repositories"), errors: [404] },
  { method: "GET", path: `${project}/events/stream`, tag: "feed", summary: "Live pattern events (Server-Sent Events)", query: streamEventsQuerySchema, success: { status: 200, description: "An event stream", contentType: "text/event-stream" }, errors: [404, 429] },
  { method: "GET", path: `${project}/jobs`, tag: "jobs", summary: "The project's background jobs (ingests, re-embeddings) with progress, newest first", query: listJobsQuerySchema, success: ok("Jobs"), errors: [404] },
  { method: "POST", path: `${project}/jobs`, tag: "jobs", summary: "Queue a re-embedding with the configured provider (admins, members)", body: createJobSchema, success: { status: 202, description: "The queued (or already active) job; 200 with no job when every pattern is current" }, errors: [403, 404] },
  { method: "GET", path: `${project}/jobs/stream`, tag: "jobs", summary: "Running jobs and their live progress (Server-Sent Events: job, progress, finished)", success: { status: 200, description: "An event stream", contentType: "text/event-stream" }, errors: [404, 429] },
  { method: "GET", path: `${project}/jobs/{jobId}`, tag: "jobs", summary: "One job with its progress, result or error", params: jobParamsSchema, success: ok("The job"), errors: [404] },
  { method: "GET", path: `${project}/costs`, tag: "llm", summary: "What the project's LLM calls cost over the last N UTC days: by provider and model, by day, by task, with the budget", query: costsQuerySchema, success: ok("{total_usd, calls, failed_calls, by_provider, by_day, by_task, budget}"), errors: [404] },
  { method: "GET", path: `${project}/budget`, tag: "llm", summary: "The project's LLM budget and this UTC day's and month's commercial spend", success: ok("{budget}"), errors: [404] },
  { method: "PUT", path: `${project}/budget`, tag: "llm", summary: "Set the daily and monthly LLM budget in USD (admins); null clears a limit", body: budgetUpdateSchema, success: ok("{budget}"), errors: [403, 404] },
  { method: "POST", path: `${project}/describe`, tag: "llm", summary: "Queue a describe job: a model names and describes the patterns and judges their kind (admins, members)", body: describeRequestSchema, success: { status: 202, description: "The queued (or already active) describe job" }, errors: [403, 404, 409] },
  { method: "GET", path: `${project}/sessions`, tag: "sessions", summary: "The project's analysed coding sessions, newest first", query: listSessionsQuerySchema, success: ok("{sessions}"), errors: [404] },
  { method: "POST", path: `${project}/sessions`, tag: "sessions", summary: "Analyse a coding session (Claude Code JSONL, OpenAI-format messages, or a unified diff with its prompt): patterns used and missed, outcome, tokens and cost, a Markdown report (admins, members)", body: sessionAnalyzeRequestSchema, success: created("{session, report, comparison}"), errors: [403, 404, 413] },
  { method: "GET", path: `${project}/sessions/{sessionId}`, tag: "sessions", summary: "One analysed session with its report", params: sessionParamsSchema, success: ok("{session}"), errors: [404] },
  { method: "GET", path: `${project}/graph`, tag: "insights", summary: "Relationships between current patterns", query: graphQuerySchema, success: ok("Nodes and edges"), errors: [404] },
  { method: "GET", path: `${project}/insights`, tag: "insights", summary: "Usage, quality and match figures over time", query: insightsQuerySchema, success: ok("Insights"), errors: [404] },
  { method: "GET", path: `${project}/accuracy`, tag: "insights", summary: "Detector accuracy per design-pattern kind (verdicts and outcomes), relationship precision and weekly verdicts, against the alert threshold", query: accuracyQuerySchema, success: ok("{accuracy: {settings, kinds, relationships, weekly}}"), errors: [404] },
  { method: "GET", path: `${project}/patterns/export`, tag: "patterns", summary: "Export the project's patterns", query: exportQuerySchema, success: ok("The export"), errors: [404] },
  { method: "GET", path: `${project}/patterns/occurrence-counts`, tag: "patterns", summary: "Live occurrence counts of the given patterns", query: occurrenceCountsQuerySchema, success: ok("Counts by pattern id"), errors: [404] },

  { method: "GET", path: "/api/v1/patterns", tag: "patterns", summary: "List patterns: filters, sort, cursor or numbered pages, total on request", query: listPatternsQuerySchema, success: ok("A page of patterns (without code), next_cursor, and total with include_total"), errors: [404] },
  { method: "POST", path: "/api/v1/patterns", tag: "patterns", summary: "Create a manual pattern (admins, members)", body: createPatternSchema, success: created("The pattern"), errors: [403, 404] },
  { method: "POST", path: "/api/v1/patterns/match", tag: "patterns", summary: "The patterns that fit an intent, best first", body: matchSchema, success: ok("Matched patterns with ranking parts and occurrences"), errors: [404, 503] },
  { method: "GET", path: pattern, tag: "patterns", summary: "A pattern with occurrences, relationships and quality parts", params: patternParamsSchema, success: ok("The pattern"), errors: [404] },
  { method: "PATCH", path: pattern, tag: "patterns", summary: "Change a pattern; new code or description makes a new version", params: patternParamsSchema, body: updatePatternSchema, success: ok("The pattern (the new version when versioned)"), errors: [403, 404, 409] },
  { method: "DELETE", path: pattern, tag: "patterns", summary: "Archive a pattern, or with hard=true delete it (admins)", params: patternParamsSchema, query: deletePatternQuerySchema, success: ok("Archived or deleted"), errors: [403, 404] },
  { method: "GET", path: `${pattern}/lineage`, tag: "patterns", summary: "Every version of a pattern, oldest first", params: patternParamsSchema, success: ok("The versions"), errors: [404] },
  { method: "POST", path: `${pattern}/usage`, tag: "feedback", summary: "Report a use of a pattern and its outcome (admins, members)", params: patternParamsSchema, body: recordUsageSchema, success: created("The usage and the pattern's counters"), errors: [403, 404, 409] },
  { method: "GET", path: `${pattern}/usage`, tag: "feedback", summary: "Usage per UTC day by outcome", params: patternParamsSchema, query: usageQuerySchema, success: ok("Days and totals"), errors: [404] },
  { method: "PATCH", path: `${pattern}/usage/{usageId}`, tag: "feedback", summary: "Close a pending usage with its outcome", params: usageParamsSchema, body: closeUsageSchema, success: ok("The usage and the pattern's counters"), errors: [403, 404, 409] },
  { method: "POST", path: `${pattern}/validations`, tag: "feedback", summary: "Confirm or contradict a pattern (admins, members)", params: patternParamsSchema, body: recordValidationSchema, success: created("The validation and the pattern's counts"), errors: [403, 404] },
  { method: "POST", path: "/api/v1/prompts/enhance", tag: "prompts", summary: "A prompt with the best patterns as cards within a token budget", body: enhancePromptSchema, success: ok("The enhanced prompt, its patterns and their pending usage ids"), errors: [403, 404, 503] },
  { method: "POST", path: "/api/v1/extract", tag: "ingest", summary: "Extract and ingest a few files (at most 200, 5 MB)", body: extractSchema, success: ok("What was extracted and ingested, and the files that failed"), errors: [403, 404, 413] },
];
